using TorchSharp.Modules;

namespace SemiSegEcg.Training;

/// <summary>An optimizer and the LR scale of each of its parameter groups (layer-wise decay; 1 otherwise).</summary>
public sealed record BuiltOptimizer(OptimizerHelper Optimizer, IReadOnlyList<double> GroupLrScales)
{
    /// <summary>Sets every group's learning rate to <paramref name="lr"/> × its scale (called before every iteration).</summary>
    public void SetLearningRate(double lr)
    {
        int i = 0;
        foreach (var group in Optimizer.ParamGroups)
        {
            group.LearningRate = lr * GroupLrScales[i++];
        }
    }
}
