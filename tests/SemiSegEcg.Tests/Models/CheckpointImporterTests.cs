using System.Collections;
using SemiSegEcg.IO;
using SemiSegEcg.Models;
using SemiSegEcg.Tests.Infrastructure;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Parity)]
public sealed class CheckpointImporterTests
{
    [Fact]
    public void Should_Load_The_Reference_PyTorch_State_Dict_Exactly()
    {
        using var scope = NewDisposeScope();
        // The original's torch.save file as PyBridge unpickles it, with the names and shapes the original listed.
        var expected = ReferenceFixture.LoadInitialState();
        var listed = ReferenceFixture.ReadKeys(ReferenceFixture.StateDirectory);
        Assert.Equal(listed.Select(k => k.Key).Order(StringComparer.Ordinal), expected.Keys.Order(StringComparer.Ordinal));
        Assert.All(listed, k => Assert.Equal(k.Shape, expected[k.Key].shape));
        using var model = ReferenceFixture.CreateResNet18Fcn();

        var result = CheckpointImporter.LoadPyTorchStateDict(model, ReferenceFixture.PathOf(ReferenceFixture.StateDictFile));

        Assert.Equal(128, result.LoadedKeys.Count);
        Assert.Empty(result.MissingKeys);
        Assert.Empty(result.UnexpectedKeys);
        AssertStateEquals(expected, model);
    }

    [Fact]
    public void Should_Load_The_Per_Key_Npy_State_Exactly()
    {
        using var scope = NewDisposeScope();
        // The per-key form (one .npy per key, float32, int64 0-d BN counters) regenerated from the .pt, the only copy shipped.
        using var tmp = new TempDirectory();
        var original = ReferenceFixture.LoadInitialState();
        File.Copy(Path.Combine(ReferenceFixture.Directory, ReferenceFixture.StateDirectory, "keys.json"), tmp.File("keys.json"));
        foreach (var (key, value) in original)
        {
            if (value.dtype == ScalarType.Int64) NpyFile.Write(tmp.File(key + ".npy"), value.data<long>().ToArray(), value.shape);
            else NpyFile.Write(tmp.File(key + ".npy"), value.data<float>().ToArray(), value.shape);
        }
        var expected = ReferenceFixture.LoadStateFolder(tmp.Path);
        using var model = ReferenceFixture.CreateResNet18Fcn();

        var result = CheckpointImporter.LoadStateDict(model, expected, tmp.Path);

        Assert.Equal(128, expected.Count);
        Assert.Equal(128, result.LoadedKeys.Count);
        AssertStateEquals(expected, model);
        AssertStateEquals(original, model);
        Assert.Equal(ScalarType.Int64, model.state_dict()["backbone.stem.1.num_batches_tracked"].dtype);
    }

    [Fact]
    public void Should_Read_The_Model_And_Teacher_From_A_Checkpoint_Dict_And_Drop_Auxiliary_Head_Keys()
    {
        using var scope = NewDisposeScope();
        using var tmp = new TempDirectory();
        random.manual_seed(1);
        using var source = ReferenceFixture.CreateResNet18Fcn();
        using var teacher = ReferenceFixture.CreateResNet18Fcn();
        var student = StateTable(source);
        student["auxiliary_head.conv_seg.weight"] = randn(4, 256, 1);
        var checkpoint = new Hashtable
        {
            ["model"] = student,
            ["model_ema"] = StateTable(teacher),
            ["optimizer"] = new Hashtable { ["state"] = new Hashtable(), ["param_groups"] = new ArrayList { new Hashtable { ["lr"] = 1e-3 } } },
            ["epoch"] = 7,
            ["scaler"] = new Hashtable(),
            ["config"] = new Hashtable { ["algorithm"] = "mean_teacher", ["seed"] = 0 },
            ["metrics"] = new Hashtable { ["loss"] = 0.42, ["MeanIoU"] = 0.8 },
        };
        string path = tmp.File("best-MeanIoU.pth");
        using (var stream = File.Create(path)) PyTorchPickler.PickleStateDict(stream, checkpoint);
        using var loadedStudent = ReferenceFixture.CreateResNet18Fcn();
        using var loadedTeacher = ReferenceFixture.CreateResNet18Fcn();

        var studentResult = CheckpointImporter.LoadPyTorchStateDict(loadedStudent, path);
        CheckpointImporter.LoadPyTorchStateDict(loadedTeacher, path, entry: CheckpointImporter.TeacherEntry);

        Assert.Equal(["auxiliary_head.conv_seg.weight"], studentResult.DroppedKeys);
        AssertStateEquals(source.state_dict(), loadedStudent);
        AssertStateEquals(teacher.state_dict(), loadedTeacher);
    }

    [Fact]
    public void Should_List_Missing_Unexpected_And_Mismatched_Keys_When_Strict()
    {
        using var scope = NewDisposeScope();
        using var model = ReferenceFixture.CreateResNet18Fcn();
        var state = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        state.Remove("backbone.stem.0.weight");
        state["decode_head.conv_seg.weight"] = zeros(4, 128, 1);
        state["decode_head.cls_seg.bias"] = zeros(5);

        var error = Assert.Throws<InvalidDataException>(() => CheckpointImporter.LoadStateDict(model, state, "ckpt.pth"));

        Assert.StartsWith("ckpt.pth:", error.Message);
        Assert.Contains("1 missing key(s): backbone.stem.0.weight", error.Message);
        Assert.Contains("1 unexpected key(s): decode_head.conv_seg.weight", error.Message);
        Assert.Contains("decode_head.cls_seg.bias: source [5] vs model [4]", error.Message);
    }

    [Fact]
    public void Should_Refuse_A_Non_Strict_Load_That_Would_Leave_Modules_Random_Naming_Them_And_Touching_Nothing()
    {
        using var scope = NewDisposeScope();
        using var model = ReferenceFixture.CreateResNet18Fcn();
        var before = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        var state = new Dictionary<string, Tensor>
        {
            ["module.decode_head.cls_seg.bias"] = tensor(new[] { 1f, 2f, 3f, 4f }),
            ["module.extra.weight"] = zeros(2),
        };

        var error = Assert.Throws<InvalidDataException>(() => CheckpointImporter.LoadStateDict(model, state, "partial.pth", strict: false));

        Assert.StartsWith("partial.pth: refusing a partial load: 'backbone' would keep 60 of its 60 parameter tensors as initialised (", error.Message);
        Assert.Contains("; 'decode_head' would keep 4 of its 5 parameter tensors as initialised (decode_head.convs.0.0.weight, ", error.Message);
        Assert.EndsWith("; 1 of the file's keys are not the model's (extra.weight)", error.Message);
        foreach (var (key, value) in model.state_dict()) Assert.True(before[key].equal(value).all().item<bool>(), $"{key} changed");
    }

    [Fact]
    public void Should_Load_Only_The_Backbone_When_Asked_To_Keep_The_Head_And_Report_Every_Kind_Of_Key_By_Count()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(4);
        using var source = ReferenceFixture.CreateResNet18Fcn();
        using var model = ReferenceFixture.CreateResNet18Fcn();
        var headBefore = model.DecodeHead.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        var state = source.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value);
        state.Remove("backbone.stem.1.num_batches_tracked");
        state["extra.weight"] = zeros(2);

        var result = CheckpointImporter.LoadStateDict(model, state, "full.pth", strict: false, keepInitialised: ["decode_head"]);

        // 128 keys: 120 of the backbone (one buffer not in the file), 8 of the head (kept; the file's 8 dropped).
        Assert.Equal((119, 1, 8, 8), (result.LoadedKeys.Count, result.MissingKeys.Count, result.KeptKeys.Count, result.DroppedKeys.Count));
        Assert.Equal(["extra.weight"], result.UnexpectedKeys);
        Assert.Equal("loaded 119 of the model's 128 tensors from full.pth; 8 keep their initialisation as asked (decode_head.convs.0.0.weight, " +
            "decode_head.convs.0.1.weight, decode_head.convs.0.1.bias, … (5 more)); 1 not in the file keep their initialisation " +
            "(backbone.stem.1.num_batches_tracked); 1 of the file's are not the model's and were skipped (extra.weight); 8 of the file's " +
            "were dropped on purpose (decode_head.cls_seg.bias, decode_head.cls_seg.weight, decode_head.convs.0.0.weight, … (5 more))",
            result.Describe("full.pth"));
        var loaded = model.state_dict();
        foreach (var (key, value) in source.Backbone.state_dict().Where(kv => kv.Key != "stem.1.num_batches_tracked"))
            Assert.True(value.equal(loaded["backbone." + key]).all().item<bool>(), $"backbone.{key} was not loaded");
        foreach (var (key, value) in model.DecodeHead.state_dict()) Assert.True(headBefore[key].equal(value).all().item<bool>(), $"decode_head.{key} changed");
    }

    [Fact]
    public void Should_Name_The_File_When_It_Is_Not_A_Torch_Zip_Archive()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("legacy.pth");
        File.WriteAllBytes(path, [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8]);
        using var model = ReferenceFixture.CreateResNet18Fcn();

        var error = Assert.Throws<InvalidDataException>(() => CheckpointImporter.LoadPyTorchStateDict(model, path));

        Assert.StartsWith(path, error.Message);
    }

    [Fact]
    public void Should_Name_The_Missing_Entry_And_List_The_Top_Level_Keys()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("student-only.pth");
        using var model = ReferenceFixture.CreateResNet18Fcn();
        using (var stream = File.Create(path))
            PyTorchPickler.PickleStateDict(stream, new Hashtable { ["model"] = StateTable(model), ["epoch"] = 1 });

        var error = Assert.Throws<InvalidDataException>(() =>
            CheckpointImporter.LoadPyTorchStateDict(model, path, entry: CheckpointImporter.TeacherEntry));

        Assert.Contains("no 'model_ema' entry", error.Message);
        Assert.Contains("epoch, model", error.Message);
    }

    private static Hashtable StateTable(nn.Module model)
    {
        var table = new Hashtable();
        foreach (var (key, value) in model.state_dict()) table[key] = value;
        return table;
    }

    private static void AssertStateEquals(IReadOnlyDictionary<string, Tensor> expected, nn.Module model)
    {
        var actual = model.state_dict();
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (key, value) in expected)
        {
            var mine = actual[key];
            Assert.True(value.numel() == mine.numel(), $"{key}: element count differs");
            var reshaped = value.reshape(mine.shape).to(mine.dtype);
            Assert.True(reshaped.equal(mine).all().item<bool>(), $"{key}: values differ");
        }
    }
}
