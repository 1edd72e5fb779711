using System.IO.Compression;
using System.Text;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training.Checkpoints;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Training.Checkpoints;

/// <summary>
/// Every damaged entry of a checkpoint is one <see cref="InvalidDataException"/> naming the checkpoint and the entry,
/// raised before libtorch sees the bytes: no TorchSharp exception type escapes, and a garbage generator state never
/// reaches libtorch (which aborts the process on it).
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class CheckpointStoreBadInputTests : IDisposable
{
    private readonly TempDirectory _tmp = new("checkpoint-bad");
    private readonly EncoderDecoder _model;
    private readonly GroupedOptimizer _optimizer;
    private readonly string _good;

    public CheckpointStoreBadInputTests()
    {
        random.manual_seed(0);
        _model = ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions { StemChannels = 8, BaseChannels = 8 }, "FCNHead",
            new FcnHeadOptions { InChannels = 64, Channels = 16 }));
        _optimizer = GroupedOptimizer.AdamW(ParameterGroupBuilder.Build(_model, 0.05, null), 1e-3);
        _good = _tmp.File("good.ckpt");
        var meta = new CheckpointMetadata(CheckpointMetadata.CurrentFormat, "base", 0, new Dictionary<string, double> { ["loss"] = 1, ["MeanIoU"] = 0.5 },
            1, 0.5, ["model"], 1, null, DateTimeOffset.UnixEpoch);
        CheckpointStore.Save(_good, meta, "algorithm: base\n", [("model", _model)], [_optimizer]);
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
        _tmp.Dispose();
    }

    [Fact]
    public void Should_Load_And_Verify_The_Untouched_Checkpoint()
    {
        Assert.Equal("base", CheckpointStore.VerifyResumable(_good).Algorithm);
        CheckpointStore.LoadNetworks(_good, [("model", _model)]);
        CheckpointStore.LoadTrainingState(_good, [_optimizer]);
    }

    [Fact]
    public void Should_Keep_Only_The_Weights_When_Asked_And_Refuse_To_Resume_From_Them()
    {
        // Given: the same state saved weights-only
        string weights = _tmp.File("best-MeanIoU.ckpt");
        var meta = CheckpointStore.ReadMetadata(_good);
        CheckpointStore.Save(weights, meta, "algorithm: base\n", [("model", _model)], [_optimizer], weightsOnly: true);

        // Then: no optimizer or generator entry, metadata says so, weights load, resume is refused by name
        using (var zip = ZipFile.OpenRead(weights))
            Assert.Equal(["config.yaml", "meta.json", "networks/model.pth"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var read = CheckpointStore.ReadMetadata(weights);
        Assert.True(read.WeightsOnly);
        Assert.Equal(0, read.OptimizerCount);
        Assert.False(meta.WeightsOnly);
        CheckpointStore.LoadNetworks(weights, [("model", _model)]);
        var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.VerifyResumable(weights));
        Assert.Equal($"{weights}: holds the network weights only (best checkpoints keep no optimizer or generator state unless "
            + "train.full_best_checkpoints is set); resume from the run's last.ckpt", error.Message);
        Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadTrainingState(weights, [_optimizer]));
        Assert.True(new FileInfo(weights).Length < new FileInfo(_good).Length / 2);
    }

    [Fact]
    public void Should_Read_A_Checkpoint_Written_Before_Weights_Only_Existed_As_Full()
    {
        // Given: the good checkpoint with its meta.json as older versions wrote it (no WeightsOnly field)
        string old = _tmp.File("old.ckpt");
        File.Copy(_good, old);
        using (var zip = ZipFile.Open(old, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("meta.json")!;
            System.Text.Json.Nodes.JsonObject meta;
            using (var reader = new StreamReader(entry.Open())) meta = System.Text.Json.Nodes.JsonNode.Parse(reader.ReadToEnd())!.AsObject();
            Assert.True(meta.Remove("WeightsOnly") || meta.Remove("weights_only") || meta.Remove("weightsOnly"));
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("meta.json").Open());
            writer.Write(meta.ToJsonString());
        }

        // Then: it is a full checkpoint a run can resume from
        Assert.False(CheckpointStore.ReadMetadata(old).WeightsOnly);
        Assert.Equal(1, CheckpointStore.VerifyResumable(old).OptimizerCount);
    }

    public static TheoryData<string, string, string> DamagedEntries() => new()
    {
        { "networks/model.pth", "garbage", "entry 'networks/model.pth'" },
        { "networks/model.pth", "pickled list", "entry 'networks/model.pth'" },
        { "optimizers/0.bin", "garbage", "entry 'optimizers/0.bin'" },
        { "rng.bin", "garbage", "entry 'rng.bin'" },
        { "rng.bin", "zeroed state", "entry 'rng.bin'" },
        { "meta.json", "garbage", "entry 'meta.json'" },
        { "rng.bin", "missing", "has no 'rng.bin' entry" },
        { "networks/model.pth", "missing", "has no 'networks/model.pth' entry" },
    };

    [Theory]
    [MemberData(nameof(DamagedEntries))]
    public void Should_Name_The_Checkpoint_And_Entry_When_An_Entry_Is_Damaged(string entry, string damage, string expected)
    {
        string path = _tmp.File($"{entry.Replace('/', '_')}-{damage.Replace(' ', '_')}.ckpt");
        File.Copy(_good, path);
        Damage(path, entry, damage);

        var errors = new List<InvalidDataException>
        {
            Assert.Throws<InvalidDataException>(() => Everything(path)),
        };
        if (entry != "networks/model.pth") errors.Add(Assert.Throws<InvalidDataException>(() => CheckpointStore.VerifyResumable(path)));

        Assert.All(errors, e => Assert.StartsWith(path + ": ", e.Message));
        Assert.All(errors, e => Assert.Contains(expected, e.Message));
        Assert.All(errors, e => Assert.DoesNotContain("\n", e.Message));
    }

    private void Everything(string path)
    {
        CheckpointStore.ReadMetadata(path);
        CheckpointStore.LoadNetworks(path, [("model", _model)]);
        CheckpointStore.LoadTrainingState(path, [_optimizer]);
    }

    private static void Damage(string path, string entryName, string damage)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName)!;
        long length = entry.Length;
        entry.Delete();
        if (damage == "missing") return;
        byte[] bytes = damage switch
        {
            "garbage" => Enumerable.Range(0, (int)length).Select(i => (byte)(i * 37 + 11)).ToArray(),
            // A valid pickle (protocol 2) of the empty list: readable, but not a state dict.
            "pickled list" => [0x80, 0x02, (byte)']', (byte)'.'],
            "zeroed state" => new byte[length],
            _ => throw new ArgumentOutOfRangeException(nameof(damage), damage, null),
        };
        using var stream = zip.CreateEntry(entryName).Open();
        stream.Write(bytes);
    }
}
