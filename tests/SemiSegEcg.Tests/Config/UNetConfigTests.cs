using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Config;

/// <summary>configs/base/{resnet18,vit_tiny}_unet/*: every algorithm loads with an override and builds a full-resolution network.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class UNetConfigTests
{
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (string backbone in ShippedConfigNames.UNetModels)
            foreach (string algorithm in ShippedConfigNames.Algorithms)
                data.Add(backbone, algorithm);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_Load_And_Build_A_UNet_Model_For_Every_Algorithm(string folder, string algorithm)
    {
        var loaded = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", folder, $"{algorithm}.yaml"),
            Path.Combine(SharedData.RepoRoot, "configs", "bench", "ludb", "1over16.yaml"));

        using var scope = NewDisposeScope();
        using var model = ExperimentModels.Create(loaded.Config);
        using var noGrad = no_grad();
        model.eval();
        var output = model.call(zeros(1, 1, 2500));

        Assert.IsType<UNetHead>(model.DecodeHead);
        Assert.Equal(new long[] { 1, 4, 2500 }, output.Logits.shape);
        Assert.Equal(algorithm == "reco", output.Latent is not null);
        Assert.Equal($"runs/{folder}/{algorithm}", loaded.Config.OutputDir);
    }
}
