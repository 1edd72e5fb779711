using SemiSegEcg.Config;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Models;

/// <summary>The backbone and head catalogs are the one list of model parts: configs/base holds exactly their folders, and each folder builds its parts.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ShippedModelsTests
{
    private static readonly string BaseRoot = Path.Combine(SharedData.RepoRoot, "configs", "base");

    [Fact]
    public void Should_Keep_The_Names_And_The_Shipped_Folders_Of_The_Benchmark()
    {
        Assert.Equal(["resnet18", "resnet34", "vit_tiny"], BackboneCatalog.Names);
        Assert.Equal(["FCNHead", "UNetHead"], HeadCatalog.Names);
        Assert.Equal(["resnet18", "vit_tiny", "resnet18_unet", "vit_tiny_unet"], ShippedModels.Folders);
        Assert.Equal(["resnet18", "vit_tiny"], ShippedModels.Default);
        Assert.Same(FcnHead.Entry, HeadCatalog.Original);
    }

    [Fact]
    public void Should_Ship_Exactly_One_Model_Folder_And_Model_Piece_Per_Shipped_Backbone_And_Head()
    {
        var folders = Directory.GetDirectories(BaseRoot).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('_'));
        var pieces = Directory.GetFiles(Path.Combine(BaseRoot, "_shared", "models"), "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>();

        Assert.Equal(ShippedModels.Folders.Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
        Assert.Equal(ShippedModels.Folders.Order(StringComparer.Ordinal), pieces.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_Name_Its_Backbone_And_Head_In_Every_Shipped_Model_Folder()
    {
        foreach (var head in HeadCatalog.All)
        {
            foreach (var backbone in BackboneCatalog.Shipped)
            {
                var config = ConfigLoader.Load(Path.Combine(BaseRoot, backbone.Name + head.FolderSuffix, "scratch.yaml")).Config;

                Assert.Equal((backbone.Name, head.Name), (config.Backbone.Name, config.DecodeHead.Name));
            }
        }
    }

    [Fact]
    public void Should_Refuse_An_Unknown_Part_Listing_Every_Catalog_Name()
    {
        var backbone = Assert.Throws<ArgumentException>(() => BackboneCatalog.Get("resnet50"));
        var head = Assert.Throws<ArgumentException>(() => HeadCatalog.Get("fcnhead"));

        Assert.Equal($"unknown backbone 'resnet50'; valid names: {string.Join(", ", BackboneCatalog.Names)}", backbone.Message);
        Assert.Equal($"unknown decode_head 'fcnhead'; valid names: {string.Join(", ", HeadCatalog.Names)}", head.Message);
    }

    [Fact]
    public void Should_Refuse_Options_Of_Another_Part_Naming_The_Record_Each_Entry_Binds()
    {
        foreach (var entry in BackboneCatalog.All)
        {
            var error = Assert.Throws<ArgumentException>(() => entry.Create(new FcnHeadOptions()));
            Assert.Equal($"backbone '{entry.Name}' needs options of type {entry.OptionsType.Name}, got FcnHeadOptions", error.Message);
        }
        foreach (var entry in HeadCatalog.All)
        {
            var error = Assert.Throws<ArgumentException>(() => entry.Create(new ResNetOptions()));
            Assert.Equal($"decode_head '{entry.Name}' needs options of type {entry.OptionsType.Name}, got ResNetOptions", error.Message);
        }
    }
}
