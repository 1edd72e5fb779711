using System.IO.Compression;
using SemiSegEcg.Experiments;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training.Checkpoints;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models.Backbones;

/// <summary>
/// The ViT's state-dict names are the original's; files saved under the timm-style names it used before still load
/// (plain state dict, our wrapped checkpoint, a pretrained backbone); and a file whose names match only a sliver of the
/// model is refused instead of leaving the backbone random.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Parity)]
public sealed class VitStateDictNamesTests : IDisposable
{
    private const string LegacyCase = "two_leads";
    private static readonly string[] TensorNames = ["weight", "bias"];

    private readonly TempDirectory _tmp = new("vit-names");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Should_Load_A_ViT_Tiny_Fcn_State_Dict_Under_The_Original_Names_Strictly()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(7);
        var original = OriginalViTTinyFcnState();
        using var model = VitFixture.CreateVitTinyFcn();

        var result = CheckpointImporter.LoadStateDict(model, original, "vit_tiny_fcn.pth");

        Assert.Equal(162, result.LoadedKeys.Count);
        Assert.Empty(result.RenamedKeys);
        var loaded = model.state_dict();
        foreach (var (key, value) in original) Assert.True(value.equal(loaded[key]).all().item<bool>(), $"{key} was not loaded");
    }

    [Fact]
    public void Should_Refuse_A_Non_Strict_Load_That_Matches_Only_The_Final_Norm_And_The_Head()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(8);
        // Backbone names nobody knows but for the unused final norm: the 10-of-162 load that used to pass silently.
        var foreign = OriginalViTTinyFcnState().ToDictionary(
            kv => kv.Key.StartsWith("backbone.", StringComparison.Ordinal) && !kv.Key.StartsWith("backbone.norm.", StringComparison.Ordinal)
                ? kv.Key.Replace("backbone.", "backbone.encoder.", StringComparison.Ordinal)
                : kv.Key,
            kv => kv.Value);
        using var model = VitFixture.CreateVitTinyFcn();

        var error = Assert.Throws<InvalidDataException>(() => CheckpointImporter.LoadStateDict(model, foreign, "foreign.pth", strict: false));

        Assert.StartsWith("foreign.pth: refusing a partial load: 'backbone' would keep 152 of its 154 parameter tensors as initialised (", error.Message);
        Assert.Contains("; 152 of the file's keys are not the model's (backbone.encoder.block0.attn.fn.to_out.0.bias, ", error.Message);
        Assert.DoesNotContain("'decode_head'", error.Message);
    }

    [Fact]
    public void Should_Map_Every_Earlier_Name_To_A_Current_One_Of_The_Same_Element_Count()
    {
        using var model = VitFixture.CreateVitTinyFcn();
        var current = model.state_dict();
        // The backbone keys the ViT-Tiny saved before, as docs/models.md lists them (the final norm kept its name).
        var earlier = new List<string> { "backbone.cls_token", "backbone.pos_embed" };
        foreach (string layer in new[] { "norm1", "proj", "norm2" })
            earlier.AddRange(TensorNames.Select(t => $"backbone.patch_embed.{layer}.{t}"));
        for (int i = 0; i < 12; i++)
        {
            foreach (string layer in new[] { "norm1", "attn.qkv", "attn.proj", "norm2", "mlp.fc1", "mlp.fc2" })
                earlier.AddRange(TensorNames.Select(t => $"backbone.blocks.{i}.{layer}.{t}"));
        }

        var mapped = earlier.Select(VitLegacyKeyNames.CurrentName).ToList();

        Assert.All(mapped, m => Assert.NotNull(m));
        Assert.Equal(152, mapped.Distinct().Count());
        Assert.All(mapped, m => Assert.Contains(m!, current.Keys));
        Assert.Equal(new long[] { 192 }, VitLegacyKeyNames.CurrentShape("backbone.cls_embedding", [1, 1, 192]));
        Assert.Equal("module.backbone.block11.ff.fn.net.3.bias", VitLegacyKeyNames.CurrentName("module.backbone.blocks.11.mlp.fc2.bias"));
        Assert.Equal("block0.attn.fn.to_qkv.weight", VitLegacyKeyNames.CurrentName("blocks.0.attn.qkv.weight"));
        Assert.Null(VitLegacyKeyNames.CurrentName("backbone.norm.weight"));
        Assert.Null(VitLegacyKeyNames.CurrentName("decode_head.up_blocks.0.convs.0.conv.weight"));
    }

    [Fact]
    public void Should_Load_Our_Checkpoint_Saved_Under_The_Earlier_Names()
    {
        using var scope = NewDisposeScope();
        string checkpoint = LegacyCheckpoint();
        using var expected = TwinModel("state_dict.pt");
        using var model = VitFixture.CreateModel(LegacyCase, out _, out _);

        CheckpointStore.LoadNetworks(checkpoint, [("model", model)]);

        AssertSameState(expected.state_dict(), model.state_dict(), "");
    }

    [Theory]
    [InlineData("our checkpoint")]
    [InlineData("bare backbone state dict")]
    public void Should_Start_A_Pretrained_Backbone_From_A_File_Under_The_Earlier_Names(string form)
    {
        using var scope = NewDisposeScope();
        string path = form == "our checkpoint" ? LegacyCheckpoint() : LegacyBareBackbone();
        using var expected = TwinModel("state_dict.pt");
        using var model = VitFixture.CreateModel(LegacyCase, out _, out _);
        var headBefore = model.DecodeHead.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        using var pretrained = PretrainedBackbone.Read(path);

        var result = pretrained.LoadInto(model);

        Assert.Equal((58, 56, 8), (result.LoadedKeys.Count, result.RenamedKeys.Count, result.KeptKeys.Count));
        Assert.StartsWith($"pretrained_backbone: loaded 58 of the backbone's 58 tensors from {path}; the decode head is freshly initialised; " +
            "56 read under their current names (backbone.", pretrained.Describe(result));
        AssertSameState(expected.Backbone.state_dict(), model.Backbone.state_dict(), "backbone.");
        AssertSameState(headBefore, model.DecodeHead.state_dict(), "decode_head.");
    }

    /// <summary>A full ViT-Tiny + FCN state dict under the original's names and shapes, random values.</summary>
    private static Dictionary<string, Tensor> OriginalViTTinyFcnState() =>
        VitFixture.ReadFullModelKeys().ToDictionary(
            k => k.Key,
            k => k.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal) ? tensor(5L) : randn(k.Shape));

    private static EncoderDecoder TwinModel(string file)
    {
        var model = VitFixture.CreateModel(LegacyCase, out _, out _);
        CheckpointImporter.LoadPyTorchStateDict(model, Path.Combine(VitFixture.CaseDirectory(LegacyCase), file));
        return model;
    }

    /// <summary>A weights-only checkpoint as our code wrote it before the rename: its network entry holds the earlier names.</summary>
    private string LegacyCheckpoint()
    {
        string path = _tmp.File("legacy.ckpt");
        using var model = VitFixture.CreateModel(LegacyCase, out _, out _);
        var meta = new CheckpointMetadata(CheckpointMetadata.CurrentFormat, "base", 0, new Dictionary<string, double> { ["loss"] = 1, ["MeanIoU"] = 0 },
            1, 0, ["model"], 0, null, DateTimeOffset.UnixEpoch);
        CheckpointStore.Save(path, meta, "algorithm: base\n", [("model", model)], [], weightsOnly: true);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry("networks/model.pth")!.Delete();
        using var entry = zip.CreateEntry("networks/model.pth").Open();
        using var legacy = File.OpenRead(Path.Combine(VitFixture.CaseDirectory(LegacyCase), "state_dict_legacy_names.pt"));
        legacy.CopyTo(entry);
        return path;
    }

    /// <summary>The backbone's own state dict (no <c>backbone.</c> prefix) under the earlier names.</summary>
    private string LegacyBareBackbone()
    {
        string path = _tmp.File("legacy-backbone.pth");
        var legacy = CheckpointImporter.ReadPyTorchStateDict(Path.Combine(VitFixture.CaseDirectory(LegacyCase), "state_dict_legacy_names.pt"));
        var backbone = new System.Collections.Hashtable();
        foreach (var (key, value) in legacy.Where(kv => kv.Key.StartsWith("backbone.", StringComparison.Ordinal)))
            backbone[key["backbone.".Length..]] = value;
        using var stream = File.Create(path);
        TorchSharp.PyBridge.PyTorchPickler.PickleStateDict(stream, backbone);
        return path;
    }

    private static void AssertSameState(IReadOnlyDictionary<string, Tensor> expected, IReadOnlyDictionary<string, Tensor> actual, string prefix)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (key, value) in expected) Assert.True(value.equal(actual[key]).all().item<bool>(), $"{prefix}{key} differs");
    }
}
