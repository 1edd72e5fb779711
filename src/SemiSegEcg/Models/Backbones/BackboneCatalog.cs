namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// Every backbone. This is the only list of backbones: the <c>backbone:</c> names the factory and the config accept,
/// the shipped model folders (<see cref="ShippedModels"/>), the sweep's default and the tests derive from it. A new
/// backbone is its file (with its <c>Entry</c>), its options record, its configs, and one line here.
/// </summary>
public static class BackboneCatalog
{
    public static IReadOnlyList<BackboneEntry> All { get; } =
    [
        ResNet1d.ResNet18,
        ResNet1d.ResNet34,
        VisionTransformer1d.Entry,
    ];

    /// <summary>The <c>backbone:</c> names.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(e => e.Name).ToArray();

    /// <summary>The backbones with model folders in <c>configs/base</c>, in benchmark order.</summary>
    public static IReadOnlyList<BackboneEntry> Shipped { get; } = All.Where(e => e.Shipped).ToArray();

    /// <summary>The backbone <paramref name="name"/> names (exactly, as the config key is written), or null.</summary>
    public static BackboneEntry? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>The backbone <paramref name="name"/> names; otherwise an <see cref="ArgumentException"/> listing the valid names.</summary>
    public static BackboneEntry Get(string name) => Find(name) ?? throw ModelPartErrors.Unknown(BackboneEntry.Section, name, Names);
}
