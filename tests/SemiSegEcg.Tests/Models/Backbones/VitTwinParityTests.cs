using SemiSegEcg.Models;
using SemiSegEcg.Tests.Infrastructure;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models.Backbones;

/// <summary>Our ViT + FCN against the PyTorch twin (bench/pytorch_twin/vit_twin.py) on its committed state dicts.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Parity)]
public sealed class VitTwinParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("two_leads", 66)]
    [InlineData("one_lead_no_qkv_bias", 51)]
    public void Should_Reproduce_The_Twin_Features_And_Logits_From_Its_State_Dict(string caseName, int keyCount)
    {
        using var scope = NewDisposeScope();
        using var model = VitFixture.CreateModel(caseName, out double tolerance, out int featureCount);

        var result = CheckpointImporter.LoadPyTorchStateDict(model, Path.Combine(VitFixture.CaseDirectory(caseName), "state_dict.pt"));
        model.eval();
        var x = VitFixture.Load(caseName, "input.npy");
        Tensor logits;
        IReadOnlyList<Tensor> features;
        using (no_grad())
        {
            features = model.ExtractFeatures(x).Stages;
            logits = model.call(x).Logits;
        }

        Assert.Equal(keyCount, result.LoadedKeys.Count);
        Assert.Equal(featureCount, features.Count);
        for (int k = 0; k < featureCount; k++)
        {
            var expected = VitFixture.Load(caseName, $"feature_{k}.npy");
            Assert.Equal(expected.shape, features[k].shape);
            float error = (features[k] - expected).abs().max().item<float>();
            output.WriteLine($"{caseName} feature {k} max |Δ| = {error:E3}");
            Assert.True(error <= tolerance, $"feature {k}: max |Δ| {error} > {tolerance}");
        }
        var expectedLogits = VitFixture.Load(caseName, "logits.npy");
        Assert.Equal(expectedLogits.shape, logits.shape);
        float logitError = (logits - expectedLogits).abs().max().item<float>();
        output.WriteLine($"{caseName} logits max |Δ| = {logitError:E3}");
        Assert.True(logitError <= tolerance, $"logits: max |Δ| {logitError} > {tolerance}");
    }
}
