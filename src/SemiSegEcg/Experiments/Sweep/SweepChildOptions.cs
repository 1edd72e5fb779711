namespace SemiSegEcg.Experiments.Sweep;

/// <summary>Options passed to every child command.</summary>
/// <param name="Threads">Torch CPU threads per child (<c>--threads</c>), or null for the child's default (all cores).</param>
/// <param name="DataRoot">Root of the prepared databases (<c>--data_root</c>), or null for the config's / <c>$SEMISEG_DATA</c>.</param>
/// <param name="Device"><c>cpu</c> or <c>cuda</c> (<c>--device</c>), or null for the config's.</param>
public sealed record SweepChildOptions(int? Threads = null, string? DataRoot = null, string? Device = null);
