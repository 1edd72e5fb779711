namespace SemiSegEcg.Config;

/// <summary>
/// An immutable YAML value (mapping, sequence or scalar) that remembers where it was written. Merging keeps each
/// value's own source, so an error in a merged configuration still points at the file and line that set the value.
/// </summary>
public abstract class ConfigNode
{
    private protected ConfigNode(ConfigSource source) => Source = source;

    public ConfigSource Source { get; }

    public abstract ConfigNodeKind Kind { get; }

    /// <summary>True for a YAML null (<c>null</c>, <c>~</c>, empty plain value or <c>!!null</c>).</summary>
    public bool IsNull => this is ConfigScalar { IsNullValue: true };

    /// <summary>Same content, ignoring sources (file, line) and the spelling of null.</summary>
    public abstract bool ContentEquals(ConfigNode other);

    /// <summary>Follows a dotted key path through mappings (<c>train.optimizer_kwargs.betas</c>); null if any part is missing.</summary>
    public ConfigNode? Find(string keyPath)
    {
        ArgumentNullException.ThrowIfNull(keyPath);
        if (keyPath.Length == 0) return this;
        ConfigNode? current = this;
        foreach (string key in keyPath.Split('.'))
        {
            if (current is not ConfigMapping mapping || !mapping.TryGetValue(key, out ConfigNode? next)) return null;
            current = next;
        }
        return current;
    }

    /// <summary>Short description of the value for error messages: <c>'abc'</c>, <c>null</c>, <c>a list</c>, <c>a mapping</c>.</summary>
    public string Describe() => this switch
    {
        ConfigScalar { IsNullValue: true } => "null",
        ConfigScalar s => $"'{Truncate(s.Text)}'",
        ConfigSequence q => $"a list of {q.Items.Count} item(s)",
        ConfigMapping m => m.Count == 0 ? "an empty mapping" : $"a mapping with keys {string.Join(", ", m.Keys.Take(6))}",
        _ => Kind.ToString(),
    };

    /// <summary>The value as YAML (see <see cref="ConfigWriter"/>).</summary>
    public override string ToString() => ConfigWriter.ToYaml(this);

    /// <summary>Joins a parent key path and a child key: <c>Child("train", "lr") == "train.lr"</c>.</summary>
    public static string ChildPath(string parentPath, string key) => parentPath.Length == 0 ? key : $"{parentPath}.{key}";

    /// <summary>Key path of a list item: <c>ItemPath("dataset.filter", 0) == "dataset.filter[0]"</c>.</summary>
    public static string ItemPath(string parentPath, int index) => $"{parentPath}[{index}]";

    private static string Truncate(string text)
    {
        string oneLine = text.Replace("\n", "\\n", StringComparison.Ordinal);
        return oneLine.Length <= 60 ? oneLine : string.Concat(oneLine.AsSpan(0, 57), "...");
    }
}
