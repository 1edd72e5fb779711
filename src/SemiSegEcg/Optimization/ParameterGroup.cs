using TorchSharp.Modules;

namespace SemiSegEcg.Optimization;

/// <summary>
/// One optimizer parameter group. The trainer sets the group's learning rate to <c>schedule(e) · LrScale</c> every
/// iteration; <see cref="WeightDecay"/> is fixed.
/// </summary>
/// <param name="Name">Stable label, e.g. <c>all</c> or <c>layer_3_decay</c> / <c>layer_3_no_decay</c>.</param>
/// <param name="LayerId">Layer id for layer-wise LR decay (0 = embeddings, i + 1 = block i, num_layers + 1 = the rest); 0 without layer decay.</param>
/// <param name="LrScale">Multiplier on the scheduled learning rate: <c>layer_decay^(num_layers + 1 − LayerId)</c>, or 1.</param>
/// <param name="WeightDecay">Decoupled weight decay of the group.</param>
/// <param name="ParameterNames">Full state-dict names of the parameters, in module order.</param>
/// <param name="Parameters">The parameters, in the same order as <paramref name="ParameterNames"/>.</param>
public sealed record ParameterGroup(
    string Name,
    int LayerId,
    double LrScale,
    double WeightDecay,
    IReadOnlyList<string> ParameterNames,
    IReadOnlyList<Parameter> Parameters);
