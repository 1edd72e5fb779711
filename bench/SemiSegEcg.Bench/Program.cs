using SemiSegEcg.Bench;
using static TorchSharp.torch;

// Usage: dotnet run --project bench/SemiSegEcg.Bench -c Release -- <data|steps|profile|conv-layouts|optimizer|pipeline|delineate|all> [--threads N]
// Needs the prepared data root in SEMISEG_DATA (semiseg data prepare ludb --out $SEMISEG_DATA/ludb) and raw LUDB in
// SEMISEG_RAW_LUDB (default ../shared/data/ludb). Results are JSON lines on stdout (and appended to $BENCH_OUT).
string mode = args.Length > 0 ? args[0] : "all";
int threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).FirstOrDefault(Environment.ProcessorCount);
set_num_threads(threads);
string repo = FindRepo();
string configs = Path.Combine(repo, "configs");
string dataRoot = Environment.GetEnvironmentVariable("SEMISEG_DATA") ?? Path.Combine(repo, "prepared");
string rawLudb = Environment.GetEnvironmentVariable("SEMISEG_RAW_LUDB") ?? Path.GetFullPath(Path.Combine(repo, "..", "shared", "data", "ludb"));

if (mode is "data" or "all") DataBenchmarks.Run(rawLudb, reps: 3);
if (mode is "steps" or "all") StepBenchmarks.Run(configs, dataRoot, ConfigsArg(args), warmup: 2, reps: 6);
if (mode is "profile" or "all") StepProfile.Run(configs, dataRoot, ConfigsArg(args), warmup: 2, reps: 5);
if (mode is "conv-layouts" or "all") ConvLayoutBenchmarks.Run(warmup: 2, reps: 15);
if (mode is "optimizer" or "all") OptimizerBenchmarks.Run(configs, warmup: 3, reps: 30);
if (mode is "pipeline" or "all") PipelineBenchmarks.Run(configs, dataRoot, steps: 8);
if (mode is "delineate" or "all") DelineationBenchmarks.Run(configs, Path.Combine(rawLudb, "1"), reps: 10);
return 0;

// `steps` and `profile` take `--configs resnet18/fixmatch,vit_tiny/scratch` for a subset (default: every method's config).
static IReadOnlyList<string> ConfigsArg(string[] args) =>
    args.SkipWhile(a => a != "--configs").Skip(1).Select(a => a.Split(',')).FirstOrDefault() ?? StepBenchmarks.DefaultConfigs;

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "SemiSegEcg.slnx"))) return dir.FullName;
    throw new InvalidOperationException("run from inside the repository");
}
