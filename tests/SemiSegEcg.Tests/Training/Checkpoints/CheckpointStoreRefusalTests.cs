using System.IO.Compression;
using System.Text.Json.Nodes;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Optimization;
using SemiSegEcg.Training.Checkpoints;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Training.Checkpoints;

/// <summary>
/// Checkpoints a run must not load — another format version, not a checkpoint at all, an entry missing, or optimizer
/// states for another number of networks — are refused with one line naming the file, before any model, optimizer or
/// the generator changes.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class CheckpointStoreRefusalTests : IDisposable
{
    private readonly TempDirectory _tmp = new("checkpoint-refusal");
    private readonly EncoderDecoder _model;
    private readonly EncoderDecoder _model2;
    private readonly GroupedOptimizer _optimizer;
    private readonly GroupedOptimizer _optimizer2;

    public CheckpointStoreRefusalTests()
    {
        random.manual_seed(0);
        _model = TinyModel();
        _model2 = TinyModel();
        _optimizer = GroupedOptimizer.AdamW(ParameterGroupBuilder.Build(_model, 0.05, null), 1e-3);
        _optimizer2 = GroupedOptimizer.AdamW(ParameterGroupBuilder.Build(_model2, 0.05, null), 1e-3);
    }

    public void Dispose()
    {
        _optimizer2.Dispose();
        _optimizer.Dispose();
        _model2.Dispose();
        _model.Dispose();
        _tmp.Dispose();
    }

    [Fact]
    public void Should_Refuse_Another_Format_Version_Naming_It_And_The_Supported_One()
    {
        string path = Save("future.ckpt", optimizers: 1);
        EditMetadata(path, meta => meta["FormatVersion"] = CheckpointMetadata.CurrentFormat + 1);

        var errors = new[]
        {
            Assert.Throws<InvalidDataException>(() => CheckpointStore.ReadMetadata(path)),
            Assert.Throws<InvalidDataException>(() => CheckpointStore.VerifyResumable(path)),
            Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadTrainingState(path, [_optimizer])),
        };

        Assert.All(errors, e => AssertOneLineAbout(path, e));
        Assert.All(errors, e => Assert.Contains($"format {CheckpointMetadata.CurrentFormat + 1}", e.Message));
        Assert.All(errors, e => Assert.Contains($"expected {CheckpointMetadata.CurrentFormat}", e.Message));
    }

    [Fact]
    public void Should_Refuse_A_File_That_Is_Not_A_Checkpoint_And_Name_A_Missing_One()
    {
        string notZip = _tmp.Write("weights.pth", "\u0080\u0002}q\u0000.");
        string missing = Path.Combine(_tmp.Path, "nowhere.ckpt");

        var notCheckpoint = Assert.Throws<InvalidDataException>(() => CheckpointStore.ReadMetadata(notZip));
        var absent = Assert.Throws<FileNotFoundException>(() => CheckpointStore.VerifyResumable(missing));

        AssertOneLineAbout(notZip, notCheckpoint);
        Assert.Contains("not a SemiSegECG checkpoint", notCheckpoint.Message);
        Assert.Equal($"{missing}: checkpoint not found", absent.Message);
    }

    [Theory]
    [InlineData("meta.json")]
    [InlineData("config.yaml")]
    [InlineData("optimizers/0.bin")]
    public void Should_Name_An_Entry_That_Is_Missing(string entry)
    {
        string path = Save($"no-{entry.Replace('/', '_')}.ckpt", optimizers: 1);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update)) zip.GetEntry(entry)!.Delete();

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            CheckpointStore.ReadConfig(path);
            CheckpointStore.VerifyResumable(path);
        });

        AssertOneLineAbout(path, error);
        Assert.Contains($"'{entry}'", error.Message);
    }

    [Fact]
    public void Should_Refuse_Optimizer_States_For_Another_Number_Of_Networks_Without_Touching_Optimizers_Or_Generator()
    {
        string one = Save("one-network.ckpt", optimizers: 1);
        string two = Save("two-networks.ckpt", optimizers: 2);
        random.manual_seed(123);
        using var generatorBefore = random.get_rng_state();

        var tooMany = Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadTrainingState(one, [_optimizer, _optimizer2]));
        var tooFew = Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadTrainingState(two, [_optimizer]));
        using var generatorAfter = random.get_rng_state();

        AssertOneLineAbout(one, tooMany);
        AssertOneLineAbout(two, tooFew);
        Assert.Contains("1 optimizer", tooMany.Message);
        Assert.Contains("2 network", tooMany.Message);
        Assert.Contains("2 optimizer", tooFew.Message);
        Assert.Contains("1 network", tooFew.Message);
        Assert.Equal(generatorBefore.data<byte>().ToArray(), generatorAfter.data<byte>().ToArray());
        Assert.Equal(2, CheckpointStore.VerifyResumable(two).OptimizerCount);
        CheckpointStore.LoadTrainingState(two, [_optimizer, _optimizer2]);
    }

    private string Save(string name, int optimizers)
    {
        string path = _tmp.File(name);
        string[] networks = optimizers == 1 ? ["model"] : ["model", "model2"];
        var meta = new CheckpointMetadata(CheckpointMetadata.CurrentFormat, optimizers == 1 ? "base" : "cps", 0,
            new Dictionary<string, double> { ["loss"] = 1, ["MeanIoU"] = 0.5 }, 1, 0.5, networks, optimizers, null, DateTimeOffset.UnixEpoch);
        var modules = new List<(string, TorchSharp.torch.nn.Module)> { ("model", _model), ("model2", _model2) }.Take(optimizers).ToList();
        var states = new[] { _optimizer, _optimizer2 }.Take(optimizers).ToList();
        CheckpointStore.Save(path, meta, "algorithm: base\n", modules, states);
        return path;
    }

    private static void EditMetadata(string path, Action<JsonObject> edit)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("meta.json")!;
        JsonObject meta;
        using (var reader = new StreamReader(entry.Open())) meta = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
        edit(meta);
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("meta.json").Open());
        writer.Write(meta.ToJsonString());
    }

    private static void AssertOneLineAbout(string path, Exception error)
    {
        Assert.StartsWith(path + ": ", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    private static EncoderDecoder TinyModel() =>
        ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions { StemChannels = 8, BaseChannels = 8 }, "FCNHead",
            new FcnHeadOptions { InChannels = 64, Channels = 16 }));
}
