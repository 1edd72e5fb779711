using SemiSegEcg.Models;
using SemiSegEcg.Tests.Infrastructure;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models.Backbones;

/// <summary>
/// Our ViT + FCN against the PyTorch twin (bench/pytorch_twin/vit_twin.py) on its committed state dicts: under the
/// original's names, and under the timm-style names our ViT saved before (read through the legacy mapping).
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Parity)]
public sealed class VitTwinParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("two_leads", "state_dict.pt", 66, 0)]
    [InlineData("one_lead_no_qkv_bias", "state_dict.pt", 51, 0)]
    // Every backbone tensor but the final norm's two was renamed; the 8 of the FCN head keep their names.
    [InlineData("two_leads", "state_dict_legacy_names.pt", 66, 56)]
    public void Should_Reproduce_The_Twin_Features_And_Logits_From_Its_State_Dict(string caseName, string file, int keyCount, int renamedCount)
    {
        using var scope = NewDisposeScope();
        using var model = VitFixture.CreateModel(caseName, out double tolerance, out int featureCount);

        var result = CheckpointImporter.LoadPyTorchStateDict(model, Path.Combine(VitFixture.CaseDirectory(caseName), file));
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
        Assert.Equal(renamedCount, result.RenamedKeys.Count);
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
