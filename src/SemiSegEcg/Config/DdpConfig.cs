namespace SemiSegEcg.Config;

/// <summary>The <c>ddp</c> block of the original (torchrun settings). Accepted so its configs load; we train on one device.</summary>
public sealed record DdpConfig
{
    public int WorldSize { get; init; } = 1;

    public int Rank { get; init; } = -1;

    public int Gpu { get; init; }

    public string DistUrl { get; init; } = "env://";

    public string DistBackend { get; init; } = "nccl";

    public bool Distributed { get; init; }

    public bool SyncBn { get; init; } = true;
}
