namespace SemiSegEcg.Config;

/// <summary>
/// A validated configuration: the typed <see cref="Config"/> and the merged YAML tree it was bound from (with each
/// value's source), which is what gets saved next to a run and inside checkpoints.
/// </summary>
public sealed record LoadedConfig(ExperimentConfig Config, ConfigMapping Node)
{
    /// <summary>Resolves the dataset directories and index files, reading <c>SEMISEG_DATA</c> from the environment.</summary>
    public DatasetPaths ResolveDatasetPaths() =>
        DatasetPaths.Resolve(this, Environment.GetEnvironmentVariable(DatasetPaths.DataRootEnvironmentVariable));

    /// <summary>
    /// The same configuration with the dataset directories (and data root) replaced by the absolute paths in
    /// <paramref name="paths"/>; save this one in a run folder so the saved config finds the data from anywhere.
    /// </summary>
    public LoadedConfig WithResolvedDatasetPaths(DatasetPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var source = ConfigSource.Code("resolved dataset paths");
        ConfigScalar Text(string value) => ConfigScalar.String(value, source);
        var resolved = new ConfigMapping(
        [
            new ConfigEntry("data_root", paths.DataRoot is null ? ConfigScalar.Null(source) : Text(paths.DataRoot), source),
            new ConfigEntry("dataset", new ConfigMapping(
            [
                new ConfigEntry("ecg_dir", Text(paths.EcgDir), source),
                new ConfigEntry("label_dir", Text(paths.LabelDir), source),
                new ConfigEntry("index_dir", Text(paths.IndexDir), source),
            ], source), source),
        ], source);
        return ConfigLoader.FromNode(ConfigMerger.Merge(Node, resolved));
    }
}
