namespace SemiSegEcg.Experiments.Sweep;

/// <summary>
/// What the user asked for: the grid axes plus the settings every run shares. <see cref="SweepGrid.Expand"/> turns it
/// into runs; <see cref="SweepCommandLine.SweepArguments"/> turns it back into a <c>semiseg sweep</c> command line.
/// </summary>
/// <param name="Backbones">Model folders of <c>configs/base</c> (<see cref="Models.ShippedModels.Folders"/>: <c>resnet18</c>, <c>vit_tiny_unet</c>, ...).</param>
/// <param name="Algorithms">Config names (<see cref="SemiSegEcg.Algorithms.Catalog.MethodCatalog.ConfigNames"/>: <c>scratch</c>, <c>fixmatch</c>, ...).</param>
/// <param name="Datasets">Benchmark databases (<see cref="Data.Prepare.DatabaseCatalog.Benchmarked"/>: <c>ludb</c>, ...; one run per ratio) or <c>merged</c> (the cross-domain set, one run).</param>
/// <param name="Ratios">Labeled fractions 1/N: 2, 4, 8, 16.</param>
/// <param name="ConfigsRoot">The <c>configs</c> folder holding <c>base/</c> and <c>bench/</c>.</param>
/// <param name="OutputRoot">Run folders go to <c>&lt;OutputRoot&gt;/&lt;backbone&gt;/&lt;algorithm&gt;/&lt;dataset&gt;/1over&lt;N&gt;/seed&lt;k&gt;</c>.</param>
/// <param name="Epochs">Training budget; also sets <c>train.warmup_epochs</c> to a tenth of it (at least 1).</param>
/// <param name="Set">Extra <c>key=value</c> config overrides for every run, applied after the epoch budget.</param>
/// <param name="Draws">
/// Label draws (<c>data prepare --label-draws</c>); null means draw 0 only. Draw k ≥ 1 trains on
/// <c>…_1over&lt;N&gt;_draw&lt;k&gt;.csv</c> and its run folder is <c>…/1over&lt;N&gt;/draw&lt;k&gt;/seed&lt;s&gt;</c>.
/// </param>
public sealed record SweepRequest(
    IReadOnlyList<string> Backbones,
    IReadOnlyList<string> Algorithms,
    IReadOnlyList<string> Datasets,
    IReadOnlyList<int> Ratios,
    IReadOnlyList<int> Seeds,
    string ConfigsRoot,
    string OutputRoot,
    int? Epochs = null,
    IReadOnlyList<string>? Set = null,
    IReadOnlyList<int>? Draws = null)
{
    /// <summary>The cross-domain dataset: one run per seed, from <c>configs/bench/cross_domain/merged.yaml</c>.</summary>
    public const string MergedDataset = "merged";

    public IReadOnlyList<string> SetOrEmpty => Set ?? [];

    public IReadOnlyList<int> DrawsOrZero => Draws ?? [0];

    /// <summary>The same request narrowed to exactly <paramref name="run"/> (a Slurm task runs one of these).</summary>
    public SweepRequest For(SweepRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return this with
        {
            Backbones = [run.Backbone],
            Algorithms = [run.Algorithm],
            Datasets = [run.Dataset],
            Ratios = run.Ratio is int r ? [r] : Ratios,
            Seeds = [run.Seed],
            Draws = Draws is null ? null : [run.Draw],
        };
    }
}
