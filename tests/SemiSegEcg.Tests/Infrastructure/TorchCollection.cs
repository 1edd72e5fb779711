namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>Torch tests share the two cores' OpenMP pool: running them in parallel makes each 4–10× slower.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "torch";
}
