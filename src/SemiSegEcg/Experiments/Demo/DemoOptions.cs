namespace SemiSegEcg.Experiments.Demo;

/// <summary>Settings of <c>semiseg demo</c>.</summary>
/// <param name="OutputDir">Everything the demo writes goes here (data, run, plot).</param>
/// <param name="DataRoot">Prepared data root; when it holds LUDB the demo trains on it instead of synthetic data.</param>
/// <param name="ConfigsRoot">The shipped <c>configs/</c> folder.</param>
/// <param name="Records">Synthetic 12-lead records to generate.</param>
/// <param name="Epochs">Overrides the demo config's epochs (tests use 1).</param>
public sealed record DemoOptions(string OutputDir, string? DataRoot, string ConfigsRoot, int Records = 60, int? Epochs = null);
