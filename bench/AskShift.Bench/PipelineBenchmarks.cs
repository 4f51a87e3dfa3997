using AskShift.Cluster;
using AskShift.Shift;
using BenchmarkDotNet.Attributes;

namespace AskShift.Bench;

/// <summary>
/// The pipeline's hot paths on a fixed synthetic corpus: loading a folder of 200 documents (read, normalise, date,
/// extract), processing one document, and clustering 500 asks with a fixed k.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private string dir = "";
    private string oneText = "";
    private List<string> asks = [];

    [GlobalSetup]
    public void Setup()
    {
        dir = Path.Combine(Path.GetTempPath(), "askshift-micro-200");
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        SyntheticCorpus.Write(dir, 200, seed: 7);
        var corpus = Corpus.Load(dir);
        oneText = corpus.Items[0].RawText;
        var big = Path.Combine(Path.GetTempPath(), "askshift-micro-asks");
        if (Directory.Exists(big)) Directory.Delete(big, true);
        SyntheticCorpus.Write(big, 120, seed: 8);
        asks = AskRow.From(Corpus.Load(big).Items).Select(r => r.AnalysisText).Take(500).ToList();
    }

    [Benchmark(Description = "Corpus.Load, 200 documents")]
    public int Load200() => Corpus.Load(dir).AllAsks.Count;

    [Benchmark(Description = "one document (normalise, metadata, extract)")]
    public int OneDocument() => Corpus.FromTexts([("one.txt", oneText)]).AllAsks.Count;

    [Benchmark(Description = "cluster asks, k = 12")]
    public int Cluster() => new AskClusterer(new ClusterOptions { K = 12 }).Run(asks).K;
}
