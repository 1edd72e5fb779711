using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Heads;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// The folders and file names of configs/base/: one folder per model, one file per training method in each, made of the
/// shared pieces in configs/base/_shared/.
/// </summary>
public static class ShippedConfigNames
{
    /// <summary>Model folders with the original's FCN head: the bare names of the shipped backbones.</summary>
    public static IReadOnlyList<string> FcnModels => ShippedModels.FoldersOf(FcnHead.Entry);

    /// <summary>Model folders with our U-Net head.</summary>
    public static IReadOnlyList<string> UNetModels => ShippedModels.FoldersOf(UNetHead.Entry);

    /// <summary>One folder per shipped backbone and head of the catalogs.</summary>
    public static IEnumerable<string> AllModels => ShippedModels.Folders;

    /// <summary>One config per method of the catalog, named by its <see cref="MethodEntry.ConfigName"/>.</summary>
    public static IReadOnlyList<string> Algorithms => MethodCatalog.ConfigNames;

    /// <summary>The pieces the configs list in <c>_base_</c> (not a model folder), relative to the repository.</summary>
    public static IReadOnlyList<string> SharedPieces =>
    [
        "configs/base/_shared/common.yaml",
        "configs/base/_shared/strong_augmentation.yaml",
        .. AllModels.Select(m => $"configs/base/_shared/models/{m}.yaml"),
        .. Algorithms.Select(a => $"configs/base/_shared/methods/{a}.yaml"),
    ];
}
