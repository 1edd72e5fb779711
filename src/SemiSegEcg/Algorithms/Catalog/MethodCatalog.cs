using SemiSegEcg.Config;

namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>
/// Every training method, in benchmark order. This is the only list of methods: the <c>algorithm:</c> key's values,
/// the report's order and titles, the sweep's default grid and the tests all derive from it. A new method is its file
/// (with its <c>Entry</c>), its configs, and one line here.
/// </summary>
public static class MethodCatalog
{
    private const string AlgorithmKey = "algorithm";
    private const string TrainKey = "train";

    public static IReadOnlyList<MethodEntry> All { get; } =
    [
        Supervised.Entry,
        MeanTeacher.Entry,
        FixMatch.Entry,
        Cps.Entry,
        ReCo.Entry,
        StPlusPlus.Entry,
        UniMatch.Entry,
    ];

    /// <summary>The <c>algorithm:</c> values.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(e => e.Name).ToArray();

    /// <summary>The config file names, one per method (<c>configs/base/&lt;model&gt;/&lt;name&gt;.yaml</c>).</summary>
    public static IReadOnlyList<string> ConfigNames { get; } = All.Select(e => e.ConfigName).ToArray();

    /// <summary>Report names with their titles, in benchmark order: each method's own, then its variants'.</summary>
    public static IReadOnlyList<(string Name, string Title)> ReportNames { get; } = All.SelectMany(e => e.ReportNames).ToArray();

    /// <summary>The trainer's <c>train</c> keys: a key of <c>train</c> is one of these or a method's.</summary>
    private static readonly IReadOnlyList<string> TrainerKeys = ConfigBinder.AcceptedKeysOf(typeof(TrainConfig));

    /// <summary>The method whose config file (and sweep name) is <paramref name="configName"/>, or null.</summary>
    public static MethodEntry? FindByConfigName(string configName) => All.FirstOrDefault(e => e.ConfigName == configName);

    /// <summary>The method an <c>algorithm:</c> value names (case-insensitive, as enum values are), or null.</summary>
    public static MethodEntry? Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The method the <c>algorithm</c> value <paramref name="node"/> names; otherwise an error naming its file and line, with a suggestion.</summary>
    public static MethodEntry Find(ConfigNode node, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is ConfigScalar { IsNullValue: false } scalar && Find(scalar.Text) is { } entry) return entry;
        string? suggestion = node is ConfigScalar { IsNullValue: false } typo ? ConfigBinder.Suggest(typo.Text, Names) : null;
        string hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
        throw ConfigException.At(node, keyPath, $"expected one of: {string.Join(", ", Names)}, got {node.Describe()}{hint}");
    }

    /// <summary>
    /// Binds the method a configuration selects: <c>algorithm</c>, and the method's own keys of <c>train</c> into its
    /// options record. Returns it with the tree that is left for <see cref="ExperimentConfig"/>: <c>train</c> without
    /// the method's keys. A key of another method only is refused naming the methods it belongs to; a key of none is
    /// an unknown key, with a suggestion among every known <c>train</c> key. Ranges are checked by the validator.
    /// </summary>
    /// <returns>The method, or null when the tree has no <c>train</c> mapping (the binder reports it).</returns>
    public static (ConfiguredMethod? Method, ConfigMapping Remainder) Bind(ConfigMapping root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.GetEntry(AlgorithmKey) is not { } algorithm)
        {
            throw new ConfigException(
                $"missing required key '{AlgorithmKey}' (one of: {string.Join(", ", Names)}) in the mapping at {root.Source}",
                ConfigException.FileOf(root.Source), AlgorithmKey, ConfigException.LineOf(root.Source));
        }
        MethodEntry entry = Find(algorithm.Value, AlgorithmKey);
        if (root[TrainKey] is not ConfigMapping train) return (null, root);

        var own = new List<ConfigEntry>();
        var trainer = new List<ConfigEntry>();
        foreach (ConfigEntry key in train.Entries)
        {
            if (TrainerKeys.Contains(key.Key)) trainer.Add(key);
            else if (entry.AcceptedOptionKeys.Contains(key.Key)) own.Add(key);
            else throw NotOf(entry, key);
        }
        ConfiguredMethod method = entry.Bind(new ConfigMapping(own, train.Source), TrainKey);
        var rest = new ConfigMapping(train.Entries.Count == trainer.Count ? train.Entries : trainer, train.Source);
        return (method, new ConfigMapping(root.Entries.Select(e => e.Key == TrainKey ? e with { Value = rest } : e), root.Source));
    }

    private static ConfigException NotOf(MethodEntry entry, ConfigEntry key)
    {
        string keyPath = ConfigNode.ChildPath(TrainKey, key.Key);
        var owners = All.Where(e => e.AcceptedOptionKeys.Contains(key.Key)).Select(e => e.Title).ToList();
        if (owners.Count == 0)
        {
            var known = TrainerKeys.Concat(All.SelectMany(e => e.AcceptedOptionKeys)).Distinct();
            var valid = ConfigBinder.KeysOf(typeof(TrainConfig)).Concat(entry.OptionKeys).ToList();
            return ConfigBinder.UnknownKeyError(key, TrainKey, valid, known);
        }
        return new ConfigException($"{keyPath} is a setting of {string.Join(", ", owners)}, not of {entry.Title} ({key.KeySource})",
            ConfigException.FileOf(key.KeySource), keyPath, ConfigException.LineOf(key.KeySource));
    }
}
