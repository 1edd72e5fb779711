namespace SemiSegEcg.Config;

/// <summary>An immutable YAML mapping with string keys, in file order.</summary>
public sealed class ConfigMapping : ConfigNode
{
    private readonly ConfigEntry[] _entries;
    private readonly Dictionary<string, int> _index;

    public ConfigMapping(IEnumerable<ConfigEntry> entries, ConfigSource source) : base(source)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _entries.Length; i++)
        {
            if (!_index.TryAdd(_entries[i].Key, i))
            {
                throw new ConfigException(
                    $"duplicate key '{_entries[i].Key}' in {_entries[i].KeySource} (first at {_entries[_index[_entries[i].Key]].KeySource})",
                    ConfigException.FileOf(_entries[i].KeySource), _entries[i].Key, ConfigException.LineOf(_entries[i].KeySource));
            }
        }
    }

    public static ConfigMapping Empty(ConfigSource source) => new([], source);

    public override ConfigNodeKind Kind => ConfigNodeKind.Mapping;

    public IReadOnlyList<ConfigEntry> Entries => _entries;

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <summary>The value of <paramref name="key"/>, or null when the key is absent (a YAML null is a node, not C# null).</summary>
    public ConfigNode? this[string key] => TryGetValue(key, out ConfigNode? value) ? value : null;

    public bool ContainsKey(string key) => _index.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigNode? value)
    {
        if (_index.TryGetValue(key, out int i))
        {
            value = _entries[i].Value;
            return true;
        }
        value = null;
        return false;
    }

    public ConfigEntry? GetEntry(string key) => _index.TryGetValue(key, out int i) ? _entries[i] : null;

    public override bool ContentEquals(ConfigNode other)
    {
        if (other is not ConfigMapping m || m.Count != Count) return false;
        for (int i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Key != m._entries[i].Key || !_entries[i].Value.ContentEquals(m._entries[i].Value)) return false;
        }
        return true;
    }
}
