using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Optimization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Bench;

/// <summary>
/// One AdamW step over ResNet-18 + FCN's parameters: our scalar-safe AdamW against TorchSharp's, interleaved so the
/// ratio comes from one machine state. Gradients are fixed random tensors; only the optimizer step is timed.
/// </summary>
internal static class OptimizerBenchmarks
{
    public static void Run(string configs, int warmup, int reps)
    {
        var config = ConfigLoader.Load(Path.Combine(configs, "base", "resnet18", "scratch.yaml")).Config;
        random.manual_seed(0);
        using var model = ExperimentModels.Create(config);
        var parameters = model.parameters().ToList();
        foreach (var p in parameters) p.grad = randn(p.shape) * 1e-3;
        using var ours = new SemiSegEcg.Optimization.AdamW([new TorchSharp.Modules.AdamW.ParamGroup(parameters, 1e-3, 0.9, 0.999, 1e-8, 0.05)], 1e-3, 0.9, 0.999, 1e-8);
        using var theirs = new TorchSharp.Modules.AdamW([new TorchSharp.Modules.AdamW.ParamGroup(parameters, 1e-3, 0.9, 0.999, 1e-8, 0.05)], 1e-3, 0.9, 0.999, 1e-8);
        var oursMs = new List<double>();
        var theirsMs = new List<double>();
        for (int i = 0; i < warmup + reps; i++)
        {
            double a = Timing.Ms(() => ours.step());
            double b = Timing.Ms(() => theirs.step());
            if (i < warmup) continue;
            oursMs.Add(a);
            theirsMs.Add(b);
        }
        double o = Timing.Median(oursMs), t = Timing.Median(theirsMs);
        Timing.Report("adamw_step_resnet18_fcn", new Dictionary<string, double>
        {
            ["parameter_tensors"] = parameters.Count, ["ours_ms"] = o, ["torchsharp_ms"] = t, ["ratio"] = o / t,
        });
    }
}
