using SemiSegEcg.Algorithms;
using SemiSegEcg.Training.Pipeline;
using static TorchSharp.torch;

namespace SemiSegEcg.Training;

/// <summary>
/// One optimizer step of any method, inside its own dispose scope: host batch → tensors, the method's losses,
/// a finiteness check, backward and step per network (optional gradient clipping), the method's after-step hook
/// (EMA). Returns the logged scalars as numbers. Used by the trainer and by the benchmarks.
/// </summary>
public static class StepExecutor
{
    /// <exception cref="TrainingDivergedException">A loss is NaN or infinite; nothing was updated.</exception>
    public static IReadOnlyList<(string Name, double Value)> Run(ISegmentationAlgorithm algorithm, IReadOnlyList<BuiltOptimizer> optimizers,
        StepBatches batches, StepContext context, double lr, double? maxNorm = null)
    {
        using var scope = NewDisposeScope();
        foreach (var o in optimizers) o.SetLearningRate(lr);
        var device = algorithm.TrainedNetworks[0].Model.parameters().First().device;
        var result = algorithm.TrainStep(ToTensors(batches, device), context);
        if (result.Losses.Count != optimizers.Count)
            throw new InvalidOperationException($"{algorithm.Name} returned {result.Losses.Count} losses for {optimizers.Count} optimizers");
        for (int i = 0; i < optimizers.Count; i++)
        {
            float value = result.Losses[i].item<float>();
            if (!float.IsFinite(value))
                throw new TrainingDivergedException($"loss of network {i + 1} is {value} at epoch {context.Epoch + 1}, step {context.Step + 1}");
        }
        for (int i = 0; i < optimizers.Count; i++)
        {
            var optimizer = optimizers[i].Optimizer;
            optimizer.zero_grad();
            result.Losses[i].backward();
            if (maxNorm is double norm)
                nn.utils.clip_grad_norm_(algorithm.TrainedNetworks[i].Model.parameters(), norm);
            optimizer.step();
        }
        algorithm.AfterOptimizerStep(context);
        return result.Logs.Select(l => (l.Name, (double)l.Value.item<float>())).ToList();
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
