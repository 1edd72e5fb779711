using SemiSegEcg.Config;
using SemiSegEcg.Models;
using SemiSegEcg.Optimization;
using static TorchSharp.torch;

namespace SemiSegEcg.Training;

/// <summary>
/// Builds a network's optimizer from the train settings: AdamW over the parameter groups (one group with weight decay
/// on everything, as the original; or layer-wise LR decay groups for ViT), or SGD with momentum.
/// </summary>
public static class OptimizerFactory
{
    public static BuiltOptimizer Create(EncoderDecoder model, TrainerSettings settings)
    {
        var groups = ParameterGroupBuilder.Build(model, settings.WeightDecay, settings.LayerDecay);
        return settings.Optimizer switch
        {
            OptimizerKind.AdamW => new BuiltOptimizer(
                new GroupedAdamW(groups, settings.Lr, settings.Beta1, settings.Beta2, settings.Eps).Inner,
                groups.Select(g => g.LrScale).ToList()),
            OptimizerKind.Sgd when settings.LayerDecay is null => new BuiltOptimizer(
                new SGD(groups.SelectMany(g => g.Parameters), settings.Lr, settings.Momentum, settings.WeightDecay), [1.0]),
            OptimizerKind.Sgd => throw new ArgumentException("train.layer_decay is only supported with optimizer adamw"),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Optimizer, "unknown optimizer"),
        };
    }
}
