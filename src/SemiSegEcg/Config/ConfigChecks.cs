namespace SemiSegEcg.Config;

/// <summary>
/// Range and cross-field checks on bound values. A failed check points at the value's file and line in the merged
/// <see cref="ConfigNode"/>, or says the value is the built-in default when it was not written anywhere.
/// </summary>
/// <param name="root">The merged configuration tree.</param>
/// <param name="scope">Key path the checked keys are relative to: empty for the whole config, <c>train</c> for a method's
/// options, so a method names its keys as it binds them and messages still carry the full path.</param>
public sealed class ConfigChecks(ConfigNode root, string scope = "")
{
    public void That(string key, bool condition, string problem, string? alias = null)
    {
        if (condition) return;
        string keyPath = ConfigNode.ChildPath(scope, key);
        ConfigNode? value = root.Find(keyPath) ?? (alias is null ? null : root.Find(ConfigNode.ChildPath(scope, alias)));
        if (value is not null) throw ConfigException.At(value, keyPath, $"{problem}, got {value.Describe()}");
        throw ConfigException.At(NearestSource(keyPath), keyPath, $"{problem} (the value is the built-in default; set it explicitly)");
    }

    public void AtLeast(string key, long value, long minimum) => That(key, value >= minimum, $"must be at least {minimum}");

    // NaN fails every comparison, so .nan is rejected by these checks too.
    public void Positive(string key, double value) => That(key, value > 0, "must be greater than 0");

    public void Probability(string key, double value, string? alias = null) =>
        That(key, value >= 0 && value <= 1, "must be between 0 and 1", alias);

    /// <summary>Source of the deepest written ancestor mapping of <paramref name="keyPath"/>.</summary>
    private ConfigSource NearestSource(string keyPath)
    {
        string path = keyPath;
        while (path.Contains('.'))
        {
            path = path[..path.LastIndexOf('.')];
            if (root.Find(path) is { } ancestor) return ancestor.Source;
        }
        return root.Source;
    }
}
