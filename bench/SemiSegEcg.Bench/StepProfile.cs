using System.Diagnostics;
using System.Reflection;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Bench;

/// <summary>
/// Where one training step of each method spends its time: the executor's phases (host batch → tensors, the method's
/// forward passes and losses, backward, optimizer, EMA, reading the logged numbers, releasing the step's tensors),
/// the forward passes split into those with and without autograd, and the forward time per kind of layer
/// (convolution, BatchNorm, ReLU, ...). Also counts each model's forward FLOPs from the convolution and linear layers'
/// shapes (and ViT's attention products), and measures the machine's FP32 matrix-product rate as the practical peak.
/// Prints a Markdown table per method and one JSON line per method.
/// </summary>
internal static class StepProfile
{
    public static void Run(string configsRoot, string dataRoot, IReadOnlyList<string> configs, int warmup, int reps)
    {
        double peakGflops = MeasureGemmPeakGflops();
        Console.WriteLine($"FP32 matrix product (2048², {get_num_threads()} threads): {peakGflops:0.0} GFLOP/s");
        Timing.Report("gemm_peak", new Dictionary<string, double> { ["gflops"] = peakGflops, ["threads"] = get_num_threads() });
        foreach (string config in configs)
        {
            using var c = StepBenchmarks.Case.Create(configsRoot, dataRoot, config);
            using var layers = new LayerClock(Networks(c.Algorithm));
            var phases = new StepPhaseClock();
            var stepMs = new List<double>();
            for (int round = 0; round < warmup + reps; round++)
            {
                if (round == warmup)
                {
                    phases.Reset();
                    layers.Reset();
                }
                stepMs.Add(Timing.Ms(() => c.Step(round, phases)));
            }
            Print(config, stepMs.Skip(warmup).ToList(), phases, layers, reps, peakGflops);
        }
    }

    private static void Print(string config, List<double> stepMs, StepPhaseClock phases, LayerClock layers, int reps, double peakGflops)
    {
        // Phases are sums over the timed steps, so their shares are of the mean step; the rate is of the median step,
        // like the step time printed with it.
        double mean = stepMs.Average();
        double median = Timing.Median(stepMs);
        double forwardFlops = layers.ForwardFlops / reps;
        // Backward of a convolution or a linear layer is two products of the forward's size (input and weight
        // gradients); the forward passes without autograd have no backward.
        double stepFlops = forwardFlops + 2 * layers.GradForwardFlops / reps;
        Console.WriteLine();
        double gflopsPerSecond = stepFlops / 1e6 / median;
        Console.WriteLine($"### {config}: step {median:0} ms (median of {reps}); {stepFlops / 1e9:0.0} GFLOP " +
            $"({forwardFlops / 1e9:0.0} forward) → {gflopsPerSecond:0.0} GFLOP/s, {100 * gflopsPerSecond / peakGflops:0} % of the measured peak");
        Console.WriteLine();
        Console.WriteLine("| phase | ms per step | share |");
        Console.WriteLine("|---|---|---|");
        var values = new Dictionary<string, double> { ["step_ms"] = median, ["gflop"] = stepFlops / 1e9, ["forward_gflop"] = forwardFlops / 1e9 };
        foreach (var (phase, total) in phases.Totals)
        {
            Console.WriteLine($"| {phase} | {total / reps:0.0} | {100 * total / reps / mean:0} % |");
            values[phase] = total / reps;
            if (phase == StepPhases.ForwardAndLosses)
            {
                Row("  forward passes with autograd", layers.GradForwardMs / reps);
                Row("  forward passes without autograd (pseudo-labels, teachers)", layers.NoGradForwardMs / reps);
                Row("  losses and the method's own arithmetic", (total - layers.GradForwardMs - layers.NoGradForwardMs) / reps);
            }
        }
        Console.WriteLine();
        Console.WriteLine("| forward time by layer kind | ms per step | share of forward |");
        Console.WriteLine("|---|---|---|");
        double forward = (layers.GradForwardMs + layers.NoGradForwardMs) / reps;
        foreach (var (kind, ms) in layers.ByKind.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value / reps)))
        {
            Console.WriteLine($"| {kind} | {ms:0.0} | {100 * ms / forward:0} % |");
            values["forward:" + kind] = ms;
        }
        double outside = forward - layers.ByKind.Values.Sum() / reps;
        Console.WriteLine($"| (outside the timed layers: attention products, shortcuts, upsampling, concatenation) | {outside:0.0} | {100 * outside / forward:0} % |");
        Timing.Report("profile_" + config.Replace('/', '_'), values);

        void Row(string name, double ms)
        {
            Console.WriteLine($"| {name} | {ms:0.0} | {100 * ms / mean:0} % |");
            values[name.Trim()] = ms;
        }
    }

    /// <summary>Every model the method runs: its trained networks and any other network it holds (EMA teachers).</summary>
    private static List<EncoderDecoder> Networks(object algorithm)
    {
        var found = new List<EncoderDecoder>();
        void Visit(object? o, int depth)
        {
            if (o is null || depth > 2) return;
            if (o is EncoderDecoder model)
            {
                if (!found.Contains(model)) found.Add(model);
                return;
            }
            if (o is string || o.GetType().IsPrimitive || o is nn.Module) return;
            foreach (var field in o.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            {
                object? value = field.GetValue(o);
                if (value is System.Collections.IEnumerable items and not string)
                    foreach (object? item in items) Visit(item is Algorithms.NamedNetwork n ? n.Model : item, depth + 1);
                else Visit(value, depth + 1);
            }
        }
        Visit(algorithm, 0);
        return found;
    }

    private static double MeasureGemmPeakGflops()
    {
        using var scope = NewDisposeScope();
        var a = randn(2048, 2048);
        var b = randn(2048, 2048);
        for (int i = 0; i < 2; i++) mm(a, b).Dispose();
        var times = Enumerable.Range(0, 5).Select(_ => Timing.Ms(() => mm(a, b).Dispose())).ToList();
        return 2.0 * 2048 * 2048 * 2048 / (Timing.Median(times) * 1e6);
    }

    /// <summary>Forward hooks on every model's backbone and head and on their layers.</summary>
    private sealed class LayerClock : IDisposable
    {
        private readonly List<Action> _removers = [];
        private readonly Stack<Stopwatch> _running = new();

        public LayerClock(IEnumerable<EncoderDecoder> models)
        {
            foreach (var model in models)
            {
                // The backbone and the head, not the model: an EMA teacher runs them without the model's own call.
                HookWhole(model.Backbone);
                HookWhole(model.DecodeHead);
                foreach (var (_, module) in model.named_modules())
                {
                    switch (module)
                    {
                        case Conv1d conv: Hook(conv, "Conv1d", (x, y) => ConvFlops(conv, y)); break;
                        case Linear linear: Hook(linear, "Linear", (x, y) => 2.0 * y.numel() * linear.in_features); break;
                        case ScalarSafeBatchNorm1d norm: Hook(norm, "BatchNorm1d", null); break;
                        case ReLU relu: Hook(relu, "ReLU", null); break;
                        case MaxPool1d pool: Hook(pool, "MaxPool1d", null); break;
                        case LayerNorm norm: Hook(norm, "LayerNorm", null); break;
                        case VitAttention attention: AttentionFlops(attention); break;
                        case GELU gelu: Hook(gelu, "GELU", null); break;
                        case Dropout dropout: Hook(dropout, "Dropout", null); break;
                    }
                }
            }
        }

        public double GradForwardMs { get; private set; }
        public double NoGradForwardMs { get; private set; }
        public double ForwardFlops { get; private set; }
        public double GradForwardFlops { get; private set; }
        public Dictionary<string, double> ByKind { get; } = [];

        public void Reset()
        {
            GradForwardMs = NoGradForwardMs = ForwardFlops = GradForwardFlops = 0;
            ByKind.Clear();
        }

        private void HookWhole<TIn, TOut>(nn.Module<TIn, TOut> part)
        {
            Stopwatch? whole = null;
            Keep(part.register_forward_pre_hook((_, x) =>
            {
                whole = Stopwatch.StartNew();
                return x;
            }));
            Keep(part.register_forward_hook((_, _, y) =>
            {
                double ms = whole!.Elapsed.TotalMilliseconds;
                if (is_grad_enabled()) GradForwardMs += ms;
                else NoGradForwardMs += ms;
                return y;
            }));
        }

        private void Hook(nn.Module<Tensor, Tensor> module, string kind, Func<Tensor, Tensor, double>? flops)
        {
            Keep(module.register_forward_pre_hook((_, x) =>
            {
                _running.Push(Stopwatch.StartNew());
                return x;
            }));
            Keep(module.register_forward_hook((_, x, y) =>
            {
                double ms = _running.Pop().Elapsed.TotalMilliseconds;
                ByKind[kind] = ByKind.GetValueOrDefault(kind) + ms;
                if (flops is not null) Count(flops(x, y));
                return y;
            }));
        }

        /// <summary>q·kᵀ and attention·v: two products of B·T·T·D multiply-adds (D summed over heads).</summary>
        private void AttentionFlops(VitAttention attention) =>
            Keep(attention.register_forward_hook((_, x, y) =>
            {
                Count(2.0 * 2 * x.shape[0] * x.shape[1] * x.shape[1] * x.shape[2]);
                return y;
            }));

        private void Keep(dynamic hook) => _removers.Add(() => hook.remove());

        private void Count(double flops)
        {
            ForwardFlops += flops;
            if (is_grad_enabled()) GradForwardFlops += flops;
        }

        /// <summary>2 FLOP per multiply-add: output positions × input channels per group × kernel width.</summary>
        private static double ConvFlops(Conv1d conv, Tensor output) =>
            2.0 * output.numel() * (conv.in_channels / conv.groups) * conv.kernel_size[0];

        public void Dispose()
        {
            foreach (var remove in _removers) remove();
        }
    }
}
