using SemiSegEcg.Algorithms;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tensors;
using SemiSegEcg.Training.Pipeline;
using static TorchSharp.torch;

namespace SemiSegEcg.Training;

/// <summary>
/// One training iteration of any method, inside its own dispose scope: host batch → tensors, the method's losses,
/// a finiteness check, backward and step per network (optional gradient clipping), the method's after-step hook
/// (EMA). With gradient accumulation an iteration inside a window only adds its gradients; the window's last one
/// steps. Returns the logged scalars as numbers. Used by the trainer and by the benchmarks.
/// </summary>
public static class StepExecutor
{
    /// <param name="accumulation">Where this iteration (<see cref="StepContext.Step"/>) falls in its window; null = none.</param>
    /// <param name="phases">Times the step's phases when given (the step profile of bench/); null = no timing.</param>
    /// <exception cref="TrainingDivergedException">A loss is NaN or infinite; nothing was updated.</exception>
    public static IReadOnlyList<(string Name, double Value)> Run(ISegmentationAlgorithm algorithm, IReadOnlyList<GroupedOptimizer> optimizers,
        StepBatches batches, StepContext context, double lr, double? maxNorm = null, GradientAccumulation? accumulation = null,
        StepPhaseClock? phases = null)
    {
        phases?.Start();
        accumulation ??= GradientAccumulation.None;
        bool startsWindow = accumulation.StartsWindow(context.Step);
        bool endsWindow = accumulation.EndsWindow(context.Step);
        var logs = RunInScope(algorithm, optimizers, batches, context, lr, maxNorm, accumulation, startsWindow, endsWindow, phases);
        phases?.Mark(StepPhases.ReleaseTensors);
        return logs;
    }

    private static List<(string Name, double Value)> RunInScope(ISegmentationAlgorithm algorithm, IReadOnlyList<GroupedOptimizer> optimizers,
        StepBatches batches, StepContext context, double lr, double? maxNorm, GradientAccumulation accumulation, bool startsWindow, bool endsWindow,
        StepPhaseClock? phases)
    {
        using var scope = NewDisposeScope();
        foreach (var o in optimizers) o.SetLearningRate(lr);
        var device = algorithm.TrainedNetworks[0].Model.parameters().First().device;
        var input = ToTensors(batches, device);
        phases?.Mark(StepPhases.HostToTensors);
        var result = algorithm.TrainStep(input, context);
        phases?.Mark(StepPhases.ForwardAndLosses);
        if (result.Losses.Count != optimizers.Count)
            throw new InvalidOperationException($"{algorithm.Name} returned {result.Losses.Count} losses for {optimizers.Count} optimizers");
        for (int i = 0; i < optimizers.Count; i++)
        {
            float value = result.Losses[i].item<float>();
            if (!float.IsFinite(value))
                throw new TrainingDivergedException($"loss of network {i + 1} is {value} at epoch {context.Epoch + 1}, step {context.Step + 1}");
        }
        phases?.Mark(StepPhases.LossCheck);
        for (int i = 0; i < optimizers.Count; i++)
        {
            var optimizer = optimizers[i];
            if (startsWindow) optimizer.ZeroGrad();
            // Without accumulation the loss is back-propagated as is, so those runs stay bit-identical to before it existed.
            var loss = accumulation.Iterations == 1 ? result.Losses[i] : result.Losses[i].div(LongLivedScalars.Of((long)accumulation.Iterations));
            loss.backward();
            phases?.Mark(StepPhases.Backward);
            if (!endsWindow) continue;
            if (maxNorm is double norm)
                nn.utils.clip_grad_norm_(algorithm.TrainedNetworks[i].Model.parameters(), norm);
            optimizer.Step();
            phases?.Mark(StepPhases.Optimizer);
        }
        if (endsWindow) algorithm.AfterOptimizerStep(context);
        phases?.Mark(StepPhases.AfterStep);
        var logs = result.Logs.Select(l => (l.Name, (double)l.Value.item<float>())).ToList();
        phases?.Mark(StepPhases.ReadLogs);
        return logs;
    }

    /// <summary>Tensors of a step on <paramref name="device"/>, created in the caller's dispose scope.</summary>
    public static StepInput ToTensors(StepBatches batches, Device device)
    {
        var l = batches.Labeled;
        var labeled = tensor(l.Weak, [l.BatchSize, 1, l.LengthSamples], device: device);
        var masks = tensor(l.Masks!, [l.BatchSize, l.LengthSamples], device: device);
        Tensor? weak = null;
        var strong = new List<Tensor>();
        if (batches.Unlabeled is { } u)
        {
            weak = tensor(u.Weak, [u.BatchSize, 1, u.LengthSamples], device: device);
            strong.AddRange(u.Strong.Select(s => tensor(s, [u.BatchSize, 1, u.LengthSamples], device: device)));
        }
        return new StepInput(labeled, masks, weak, strong);
    }
}
