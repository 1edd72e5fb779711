using SemiSegEcg.Config;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Config;

/// <summary>
/// Every shipped config resolves to exactly what it resolved to before configs/base/ was rewritten into shared pieces
/// with <c>_base_</c>: the hashes below were taken from the flat files, so reorganising the YAML cannot change a run.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ShippedConfigSnapshotTests
{
    /// <summary>SHA-256 of <see cref="CanonicalConfigText"/>, loaded as <c>semiseg train -f BASE [-o OVERRIDE]</c> loads it.</summary>
    private static readonly Dictionary<(string Base, string? Override), string> Expected = new()
    {
        [("configs/base/resnet18/scratch.yaml", null)] = "f1c4063fbc78d46377d9fb5ae0fb1c331cff846f3e065aa74d1104f328bd3ea9",
        [("configs/base/resnet18/mean_teacher.yaml", null)] = "1eac8a54a7742af85c08e687a3c6124ad1708f16465ecac0ab2367506c183b5a",
        [("configs/base/resnet18/fixmatch.yaml", null)] = "0b4c0548bfd71e14b524f7341f9356d399da40e053d447daccd4f1872f9157f1",
        [("configs/base/resnet18/cps.yaml", null)] = "7e8347805822283632f127a8277af0df16d3c739c1759b0ee0b83bdea7f1b01a",
        [("configs/base/resnet18/reco.yaml", null)] = "26c10544f2c671ac0971c5de7303b090735e08c980f84389cbaa9ec4b5afd1e7",
        [("configs/base/resnet18/stpp.yaml", null)] = "14cea2f40404d02f54a866c15ff55e02daced4e7ebce9a5bd660a0fe47072be0",
        [("configs/base/resnet18/unimatch.yaml", null)] = "73694a766b16fe441d7c2c32193b51440983fc2dcfb80bf3b61971f88f6fcd1e",
        [("configs/base/vit_tiny/scratch.yaml", null)] = "38450e5228fadca291efeb44b18caf81d1d65580e204350bf76c1437fc5932b8",
        [("configs/base/vit_tiny/mean_teacher.yaml", null)] = "ff2e5600948c3f3ac097bd00d49d6388ffa7d58d8060c4f70af58a45c2502b26",
        [("configs/base/vit_tiny/fixmatch.yaml", null)] = "904b7496526ea8e6a8b2ec4258093e3d2a5d199807bd2e3a186aef4c55f4ae09",
        [("configs/base/vit_tiny/cps.yaml", null)] = "8c5e65b067ad8900077833463fe8c62e7b92698689f9b1524fa6db255dd08c78",
        [("configs/base/vit_tiny/reco.yaml", null)] = "9552336896ad0399839ed8286f285c90dc26f4b2439b36beb77a0db132003eec",
        [("configs/base/vit_tiny/stpp.yaml", null)] = "0098500b9d80215969f2d62bd67502c8c8e05c4895d37f721fd1c3c53181b94f",
        [("configs/base/vit_tiny/unimatch.yaml", null)] = "08ea37620f8aa61ed1b86baf20ef5230847dd8b0825d99898ff51d78bf220195",
        [("configs/base/resnet18_unet/scratch.yaml", null)] = "6e4d71bfcc8ac9b3658f1a925aafcc79b95ca7cd22fdbe3c61161c7a54e4ebe9",
        [("configs/base/resnet18_unet/mean_teacher.yaml", null)] = "42a5ecd8d2c1df97d4afd3cf777a3db51f0cdb657b55f83d72e5e277d8413f4b",
        [("configs/base/resnet18_unet/fixmatch.yaml", null)] = "f3a7e57cc8828711e73dc93daa65a18f8e260470055cb666750ee2fc2daed282",
        [("configs/base/resnet18_unet/cps.yaml", null)] = "536d95b4777c991bc7b810de9d72cece16d2ee1905a04b9788971b6a770b6172",
        [("configs/base/resnet18_unet/reco.yaml", null)] = "ffef6fc964e01e8e3eb84bcbc7501b61f7c43eeff8951050367684e02c9fd192",
        [("configs/base/resnet18_unet/stpp.yaml", null)] = "3740f1114dddaadd6471c3822c3c2b21d081394e26d94f3a123a208e9d5c6014",
        [("configs/base/resnet18_unet/unimatch.yaml", null)] = "01104d64085e1ce46e6965ecdc189b449857a817c9da2066ac1e0a53667a41a7",
        [("configs/base/vit_tiny_unet/scratch.yaml", null)] = "d4e80020c1eafffb333a3d445f44c8c17c9880dd9b3c5b733b24fe5fc118910c",
        [("configs/base/vit_tiny_unet/mean_teacher.yaml", null)] = "e33915036b2a999a50aa2c48d8a9d6f269f6298e19472b92bfcccd5e48866053",
        [("configs/base/vit_tiny_unet/fixmatch.yaml", null)] = "1204c66e0c591d337bfe18a797015c265a7c41bbaa76607685e7741fc9740e8d",
        [("configs/base/vit_tiny_unet/cps.yaml", null)] = "784b7e7460b0869c7fa6c68a53b2e80c2ed3975e74590ecffdd92d9b5a6404cd",
        [("configs/base/vit_tiny_unet/reco.yaml", null)] = "e9f7381334acf7de1623e0f11899a58a65f47faef7a6933027042f35b9cebff5",
        [("configs/base/vit_tiny_unet/stpp.yaml", null)] = "5f8a84faf72cfcf19d7bf6f73861d3d46046c98e1b338f9599c1943eedd0e271",
        [("configs/base/vit_tiny_unet/unimatch.yaml", null)] = "a0e37247b1a5c5b8d62e97c1bb9ef096ccee7f48bd398f71b69688796cd82a85",
        [("configs/base/resnet18_unet/scratch.yaml", "configs/demo/ludb.yaml")] = "06eb8a4c3b1d07aabb06c88bcf28a357b2ff1b263f7dd846e3ab57e37844cc96",
        [("configs/base/resnet18_unet/scratch.yaml", "configs/demo/synthetic.yaml")] = "83a2a55940f4535d51dd28ac939f3231cd1791acf0312a0bfee43d0243f9d575",
    };

    public static TheoryData<string, string> Configs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (baseFile, overrideFile) in Expected.Keys) data.Add(baseFile, overrideFile ?? "");
        return data;
    }

    /// <summary>
    /// Every config that existed at the rewrite is still shipped and hashed. A config added later (a new method's or
    /// model's) has nothing to be compared with, so it needs no hash here: adding a method touches no test list.
    /// </summary>
    [Fact]
    public void Should_Still_Ship_Every_Config_That_Existed_Before_The_Rewrite()
    {
        var shipped = ShippedConfigNames.AllModels.SelectMany(m => ShippedConfigNames.Algorithms.Select(a => $"configs/base/{m}/{a}.yaml")).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(28, Expected.Keys.Count(k => k.Override is null));
        Assert.All(Expected.Keys.Where(k => k.Override is null), k => Assert.Contains(k.Base, shipped));
        Assert.All(Expected.Keys, k => Assert.True(File.Exists(Repo(k.Base)), k.Base));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Should_Resolve_Exactly_As_Before_The_Rewrite(string baseFile, string overrideFile)
    {
        // When
        var loaded = ConfigLoader.Load(Repo(baseFile), overrideFile.Length == 0 ? null : Repo(overrideFile), new CliOverrides());
        string text = CanonicalConfigText.Of(loaded);

        // Then
        string actual = CanonicalConfigText.Sha256(text);
        string expected = Expected[(baseFile, overrideFile.Length == 0 ? null : overrideFile)];
        Assert.True(actual == expected,
            $"{baseFile} {overrideFile}: resolved config changed (sha256 {actual}, expected {expected}); canonical text:\n{text}");
    }

    private static string Repo(string relative) => Path.Combine(SharedData.RepoRoot, relative);
}
