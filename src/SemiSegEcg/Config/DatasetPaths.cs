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

    /// <summary>
    /// One line per configured index file that does not exist — the file, its config key and where the data root came
    /// from, with what to do — so a wrong or missing data root is reported before anything runs.
    /// </summary>
    /// <param name="training">Check the training indexes (labeled, validation).</param>
    /// <param name="unlabeled">Check the unlabeled index too (when configured): the run reads it.</param>
    /// <param name="testing">Check the test index when configured.</param>
    public IReadOnlyList<string> MissingIndexFiles(bool training, bool unlabeled, bool testing)
    {
        var checkedFiles = new List<(string Key, string? Path)>();
        if (training)
        {
            checkedFiles.Add(("dataset.train_labeled_csv", TrainLabeledIndex));
            if (unlabeled) checkedFiles.Add(("dataset.train_unlabeled_csv", TrainUnlabeledIndex));
            checkedFiles.Add(("dataset.valid_csv", ValidIndex));
        }
        if (testing) checkedFiles.Add(("dataset.test_csv", TestIndex));
        return checkedFiles.Where(f => f.Path is not null && !File.Exists(f.Path))
            .Select(f => $"{f.Path}: index file not found ({f.Key}); {DataRootHint()}")
            .ToList();
    }

    /// <summary>Throws <see cref="FileNotFoundException"/> with the first of <see cref="MissingIndexFiles"/>.</summary>
    public void RequireIndexFiles(bool training, bool unlabeled, bool testing)
    {
        var missing = MissingIndexFiles(training, unlabeled, testing);
        if (missing.Count > 0) throw new FileNotFoundException(missing[0]);
    }

    private string DataRootHint() => DataRootOrigin switch
    {
        DataRootOrigin.None => $"no data root is set, so dataset.index_dir resolved to {IndexDir}: pass --data_root DIR (or set {DataRootEnvironmentVariable}) to the folder holding the databases written by `semiseg data prepare <db> --out DIR/<db>`",
        DataRootOrigin.CommandLine => $"the data root {DataRoot} (from --data_root) has no such file: prepare the database there with `semiseg data prepare <db> --out {DataRoot}/<db>`",
        DataRootOrigin.ConfigFile => $"the data root {DataRoot} (from data_root in the config) has no such file: prepare the database there or pass --data_root DIR",
        _ => $"the data root {DataRoot} (from {DataRootEnvironmentVariable}) has no such file: prepare the database there or pass --data_root DIR",
    };

    /// <summary>Relative to the folder of the file that wrote the value, or to the current directory for command-line values.</summary>
    private static string AgainstSource(string path, ConfigSource source)
    {
        if (Path.IsPathRooted(path) || source.FilePath is null) return Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(source.FilePath) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(folder, path));
    }
}
