namespace SemiSegEcg.Models.Heads;

/// <summary>
/// Every decode head. This is the only list of heads: the <c>decode_head:</c> names the factory and the config accept,
/// the shipped model folders (<see cref="ShippedModels"/>) and the tests derive from it. A new head is its file (with
/// its <c>Entry</c>), its options record, its configs, and one line here.
/// </summary>
public static class HeadCatalog
{
    /// <summary>The original's head first: its model folders are the sweep's default.</summary>
    public static IReadOnlyList<HeadEntry> All { get; } =
    [
        FcnHead.Entry,
        UNetHead.Entry,
    ];

    /// <summary>The <c>decode_head:</c> names.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(e => e.Name).ToArray();

    /// <summary>The original's head, the benchmark's default.</summary>
    public static HeadEntry Original => All[0];

    /// <summary>The head <paramref name="name"/> names (exactly, as the config key is written), or null.</summary>
    public static HeadEntry? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>The head <paramref name="name"/> names; otherwise an <see cref="ArgumentException"/> listing the valid names.</summary>
    public static HeadEntry Get(string name) => Find(name) ?? throw ModelPartErrors.Unknown(HeadEntry.Section, name, Names);
}
