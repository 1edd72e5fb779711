using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;

namespace SemiSegEcg.Models;

/// <summary>
/// The model folders of <c>configs/base</c>, derived from the catalogs: one per shipped backbone and head, named
/// <c>&lt;backbone&gt;&lt;head suffix&gt;</c> (<c>resnet18</c>, <c>vit_tiny_unet</c>). Each holds one config per
/// method, built from <c>configs/base/_shared/models/&lt;folder&gt;.yaml</c>.
/// </summary>
public static class ShippedModels
{
    /// <summary>The folders of <paramref name="head"/>, in backbone order.</summary>
    public static IReadOnlyList<string> FoldersOf(HeadEntry head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return BackboneCatalog.Shipped.Select(b => b.Name + head.FolderSuffix).ToArray();
    }

    /// <summary>Every folder, head by head (the original's first).</summary>
    public static IReadOnlyList<string> Folders { get; } = HeadCatalog.All.SelectMany(FoldersOf).ToArray();

    /// <summary>The sweep's default <c>--backbones</c>: the original's head on every shipped backbone.</summary>
    public static IReadOnlyList<string> Default { get; } = FoldersOf(HeadCatalog.Original);
}
