namespace SemiSegEcg.Config;

/// <summary>
/// Recursive merge with the semantics of Python's <c>mergedeep</c> (the original's merge): mappings are merged key by
/// key; anything else in the override (scalar, list, null, or a mapping over a non-mapping) replaces the base value
/// wholesale. Every value keeps its own <see cref="ConfigSource"/>, so errors still name the file that set it.
/// </summary>
public static class ConfigMerger
{
    public static ConfigNode Merge(ConfigNode baseNode, ConfigNode overrideNode)
    {
        ArgumentNullException.ThrowIfNull(baseNode);
        ArgumentNullException.ThrowIfNull(overrideNode);
        if (baseNode is not ConfigMapping baseMapping || overrideNode is not ConfigMapping overrideMapping) return overrideNode;

        var entries = new List<ConfigEntry>(baseMapping.Count + overrideMapping.Count);
        foreach (ConfigEntry entry in baseMapping.Entries)
        {
            ConfigEntry? replacement = overrideMapping.GetEntry(entry.Key);
            entries.Add(replacement is null ? entry : replacement with { Value = Merge(entry.Value, replacement.Value) });
        }
        entries.AddRange(overrideMapping.Entries.Where(e => !baseMapping.ContainsKey(e.Key)));
        return new ConfigMapping(entries, baseMapping.Source);
    }

    /// <summary>Merges mappings (the result of merging two mappings is always a mapping).</summary>
    public static ConfigMapping Merge(ConfigMapping baseNode, ConfigMapping overrideNode) => (ConfigMapping)Merge((ConfigNode)baseNode, overrideNode);

    /// <summary>
    /// Builds the one-path mapping <c>{a: {b: {c: value}}}</c> for <paramref name="keyPath"/> <c>a.b.c</c>, so a single
    /// value can be set by merging it over a configuration (the command line's <c>--set a.b.c=value</c>).
    /// </summary>
    public static ConfigMapping PathMapping(string keyPath, ConfigNode value)
    {
        ArgumentNullException.ThrowIfNull(keyPath);
        ArgumentNullException.ThrowIfNull(value);
        string[] keys = keyPath.Split('.');
        if (keys.Any(k => k.Length == 0)) throw ConfigException.At(value, keyPath, "key path has an empty part (use a.b.c)");
        ConfigNode current = value;
        for (int i = keys.Length - 1; i >= 0; i--)
        {
            current = new ConfigMapping([new ConfigEntry(keys[i], current, value.Source)], value.Source);
        }
        return (ConfigMapping)current;
    }
}
