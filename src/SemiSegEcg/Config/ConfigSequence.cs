namespace SemiSegEcg.Config;

/// <summary>An immutable YAML sequence (list).</summary>
public sealed class ConfigSequence : ConfigNode
{
    private readonly ConfigNode[] _items;

    public ConfigSequence(IEnumerable<ConfigNode> items, ConfigSource source) : base(source)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
    }

    public override ConfigNodeKind Kind => ConfigNodeKind.Sequence;

    public IReadOnlyList<ConfigNode> Items => _items;

    public override bool ContentEquals(ConfigNode other) =>
        other is ConfigSequence q && q._items.Length == _items.Length && _items.Zip(q._items).All(p => p.First.ContentEquals(p.Second));
}
