using System.CommandLine;
using AskShift.Bench;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// The bench command: speed and memory figures live here, never in timed unit tests.
//   synth DIR     write a synthetic corpus (for trying the notebooks on hundreds of documents)
//   scale         one end-to-end run at scale: load, extraction scored against the planted asks, clustering, notebooks
//   warm DIR      one folder loaded several times in one process: wall, CPU and allocation per load
//   micro         BenchmarkDotNet micro-benchmarks (load, one document, clustering)
var root = new RootCommand("AskShift benchmarks. Run in Release: dotnet run -c Release --project bench/AskShift.Bench -- <command>");

var docs = new Option<int>("--documents", "-n") { Description = "Documents to generate", DefaultValueFactory = _ => 800 };
var seed = new Option<int>("--seed") { Description = "Generator seed (same seed, same corpus)", DefaultValueFactory = _ => 2026 };

var dirArg = new Argument<string>("dir") { Description = "Folder to write the corpus into (created)" };
var synth = new Command("synth", "Write a synthetic corpus of advocacy documents with planted asks") { dirArg, docs, seed };
synth.SetAction(r =>
{
    var planted = SyntheticCorpus.Write(r.GetValue(dirArg)!, r.GetValue(docs), r.GetValue(seed));
    Console.WriteLine($"wrote {r.GetValue(docs)} files with {planted.Count} planted asks to {Path.GetFullPath(r.GetValue(dirArg)!)}");
});
root.Subcommands.Add(synth);

var corpusOpt = new Option<string?>("--corpus") { Description = "Use this corpus folder instead of generating one (no extraction score then)" };
var noNotebooks = new Option<bool>("--no-notebooks") { Description = "Skip running the four notebooks over the corpus" };
var scale = new Command("scale", "Load, extract, cluster and run every notebook over a large corpus; print figures") { docs, seed, corpusOpt, noNotebooks };
scale.SetAction(async r => await ScaleRun.RunAsync(r.GetValue(docs), r.GetValue(seed), r.GetValue(corpusOpt), !r.GetValue(noNotebooks)));
root.Subcommands.Add(scale);

var warmDir = new Argument<string>("dir") { Description = "Corpus folder to load" };
var rounds = new Option<int>("--rounds") { Description = "Loads in one process (the first pays for the JIT)", DefaultValueFactory = _ => 6 };
var warm = new Command("warm", "Load one folder several times in one process; print each load's wall and CPU time and what it allocated") { warmDir, rounds };
warm.SetAction(r => WarmLoad.Run(r.GetValue(warmDir)!, r.GetValue(rounds)));
root.Subcommands.Add(warm);

var micro = new Command("micro", "BenchmarkDotNet micro-benchmarks (short-run job, memory diagnoser)");
micro.SetAction(_ =>
{
    var config = DefaultConfig.Instance.AddJob(Job.ShortRun).WithOptions(ConfigOptions.DisableOptimizationsValidator);
    BenchmarkRunner.Run<PipelineBenchmarks>(config);
});
root.Subcommands.Add(micro);

return await root.Parse(args).InvokeAsync();
