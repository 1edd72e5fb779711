namespace SemiSegEcg.Config;

/// <summary>
/// Absolute dataset locations resolved from a configuration. Resolution never checks that anything exists (that is
/// the dataset's job).
/// </summary>
/// <remarks>
/// Rules, for <c>dataset.ecg_dir</c>, <c>label_dir</c> and <c>index_dir</c>:
/// <list type="number">
/// <item>an absolute path is used as is;</item>
/// <item>a relative path is resolved against the data root when there is one, chosen in this order:
///   <c>--data_root</c> on the command line (relative → current directory), then <c>data_root</c> in the config
///   (relative → folder of the config file that set it), then the <c>SEMISEG_DATA</c> environment variable
///   (relative → current directory);</item>
/// <item>with no data root, a relative path is resolved against the folder of the config file that set it (so a
///   config in the original's layout, <c>ecg_dir: ../data/ludb/ecg</c>, works when placed where the original's
///   <c>src/</c> was); a path set on the command line is resolved against the current directory.</item>
/// </list>
/// Index file names (<c>train_labeled_csv</c>, …) are relative to the resolved <c>index_dir</c> unless absolute.
/// </remarks>
public sealed record DatasetPaths(
    string? DataRoot,
    DataRootOrigin DataRootOrigin,
    string EcgDir,
    string LabelDir,
    string IndexDir,
    string TrainLabeledIndex,
    string? TrainUnlabeledIndex,
    string ValidIndex,
    string? TestIndex)
{
    public const string DataRootEnvironmentVariable = "SEMISEG_DATA";

    /// <summary>Resolves with an explicit environment data root (null or empty = not set), so tests need no global state.</summary>
    public static DatasetPaths Resolve(LoadedConfig loaded, string? environmentDataRoot)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ConfigMapping node = loaded.Node;
        DatasetConfig dataset = loaded.Config.Dataset;

        (string? root, DataRootOrigin origin) = node["data_root"] is { IsNull: false } rootNode && loaded.Config.DataRoot is { Length: > 0 } configured
            ? (AgainstSource(configured, rootNode.Source), rootNode.Source.IsFile ? DataRootOrigin.ConfigFile : DataRootOrigin.CommandLine)
            : !string.IsNullOrEmpty(environmentDataRoot)
                ? (Path.GetFullPath(environmentDataRoot), DataRootOrigin.Environment)
                : ((string?)null, DataRootOrigin.None);

        string Dir(string key, string value)
        {
            if (Path.IsPathRooted(value)) return Path.GetFullPath(value);
            if (root is not null) return Path.GetFullPath(Path.Combine(root, value));
            ConfigSource source = node.Find($"dataset.{key}")?.Source ?? node.Source;
            return AgainstSource(value, source);
        }

        string ecgDir = Dir("ecg_dir", dataset.EcgDir);
        string labelDir = Dir("label_dir", dataset.LabelDir);
        string indexDir = Dir("index_dir", dataset.IndexDir);
        string Index(string file) => Path.GetFullPath(Path.Combine(indexDir, file));
        return new DatasetPaths(
            root, origin, ecgDir, labelDir, indexDir,
            Index(dataset.TrainLabeledCsv),
            dataset.TrainUnlabeledCsv is null ? null : Index(dataset.TrainUnlabeledCsv),
            Index(dataset.ValidCsv),
            dataset.TestCsv is null ? null : Index(dataset.TestCsv));
    }

    /// <summary>Relative to the folder of the file that wrote the value, or to the current directory for command-line values.</summary>
    private static string AgainstSource(string path, ConfigSource source)
    {
        if (Path.IsPathRooted(path) || source.FilePath is null) return Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(source.FilePath) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(folder, path));
    }
}
