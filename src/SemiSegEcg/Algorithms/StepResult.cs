using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>
/// A step's losses — one per trained network, each back-propagated into that network's optimizer — and the scalars
/// to log (detached). The total is returned explicitly, never inferred from log names.
/// </summary>
public sealed record StepResult(IReadOnlyList<Tensor> Losses, IReadOnlyList<NamedScalar> Logs);
