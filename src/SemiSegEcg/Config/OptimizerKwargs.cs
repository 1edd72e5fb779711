namespace SemiSegEcg.Config;

/// <summary><c>train.optimizer_kwargs</c>: AdamW betas and eps, SGD momentum.</summary>
public sealed record OptimizerKwargs
{
    public IReadOnlyList<double> Betas { get; init; } = [0.9, 0.999];

    public double Eps { get; init; } = 1e-8;

    public double Momentum { get; init; }
}
