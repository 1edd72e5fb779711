using System.IO.Compression;
using System.Text.Json.Nodes;
using SemiSegEcg.Config;
using SemiSegEcg.Delineation;
using SemiSegEcg.Experiments;
using SemiSegEcg.IO;
using SemiSegEcg.Signal;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>
/// A model carries its preprocessing: a run trained on 1,000-sample windows at 100 Hz with its own filters stores them
/// in every checkpoint, and testing and delineation feed the model exactly that; checkpoints without it load with the
/// shipped defaults and a notice; a config that contradicts the model is refused in one line.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class ModelPreprocessingTests
{
    private static readonly Preprocessing Trained = new()
    {
        LengthSamples = 1000,
        SamplingRateHz = 100,
        Filters = [new(FilterType.Highpass, 0.5), new(FilterType.Lowpass, 30, 4)],
    };

    private static readonly string[] NonDefault =
    [
        "dataset.signal_length=1000",
        "dataset.filter=[{highpass_filter: {fs: 100, cutoff: 0.5}}, {lowpass_filter: {fs: 100, cutoff: 30, order: 4}}]",
        "dataset.augmentations=[{random_resize_crop: {target_length: 1000}}]",
    ];

    [Fact]
    public void Should_Store_The_Trained_Preprocessing_And_Test_And_Delineate_With_It()
    {
        using var output = new TempDirectory();
        var loaded = TinyLudb.Config("resnet18/scratch.yaml", output.Path, NonDefault);

        ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);
        var test = ExperimentRunner.Test(loaded);
        var run = new RunDirectory(loaded.Config.RunDirectory);
        using var trained = TrainedModel.Load(run.Path);
        var delineator = trained.CreateDelineator();
        var recording = RecordingReader.Read(Path.Combine(SharedData.LudbRecords, "1"), leads: ["ii"]);
        var segmentation = delineator.Segmenter.Segment(recording);

        foreach (string name in new[] { RunDirectory.Last, RunDirectory.BestMeanIou })
            Assert.Equal(Trained, CheckpointStore.ReadMetadata(run.Checkpoint(name)).Preprocessing);
        Assert.Equal(new long[] { 16, 4, 1000 }, NpyFile.Read(run.TestOutputsFile).Shape);
        Assert.Equal(Trained, trained.Preprocessing);
        Assert.Null(trained.PreprocessingNotice);
        Assert.Equal(Trained, delineator.Segmenter.Options.Preprocessing);
        // 10 s at 500 Hz become one 1,000-sample window at the model's 100 Hz (not 2,500 at 250 Hz).
        Assert.Equal(1000, delineator.Segmenter.StepLength(recording));
        Assert.Equal(1, segmentation.WindowCount);
        Assert.Equal(4 * 1000, segmentation.Leads[0].Probabilities.Length);
        Assert.InRange(test.MeanIou, 0.0, 1.0);
    }

    [Fact]
    public void Should_Refuse_A_Config_That_Contradicts_The_Model_Naming_Both_Values()
    {
        using var output = new TempDirectory();
        var loaded = TinyLudb.Config("resnet18/scratch.yaml", output.Path, [.. NonDefault, "test=null"]);
        ExperimentRunner.Train(loaded, NullTrainingObserver.Instance);
        string checkpoint = new RunDirectory(loaded.Config.RunDirectory).Checkpoint(RunDirectory.Last);
        string shippedConfig = output.Write("shipped.yaml", FlatShippedConfig.Text("resnet18", "scratch"));
        string otherFilters = output.Write("other-filters.yaml", FlatShippedConfig.Text("resnet18", "scratch")
            .Replace("signal_length: 2500", "signal_length: 1000").Replace("fs: 250", "fs: 100"));
        string runConfig = new RunDirectory(loaded.Config.RunDirectory).ConfigFile;
        string writtenConfig = File.ReadAllText(runConfig);
        var testing = TinyLudb.Config("resnet18/scratch.yaml", output.Path, $"test.model_path={checkpoint}");
        var resuming = TinyLudb.Config("resnet18/scratch.yaml", output.Path, "train.epochs=2", "test=null", $"resume={checkpoint}");

        var delineating = Assert.Throws<ConfigException>(() => TrainedModel.Load(checkpoint, shippedConfig));
        var filters = Assert.Throws<ConfigException>(() => TrainedModel.Load(checkpoint, otherFilters));
        var tested = Assert.Throws<ConfigException>(() => ExperimentRunner.Test(testing));
        var resumed = Assert.Throws<InvalidDataException>(() => ExperimentRunner.Train(resuming, NullTrainingObserver.Instance));

        Assert.Equal($"{shippedConfig}: dataset.signal_length gives 2500 samples but the model {checkpoint} was trained with 1000 samples; " +
            "use the config it was trained with", delineating.Message);
        Assert.Contains("dataset.filter gives high-pass 0.67 Hz (order 5), low-pass 40 Hz (order 5) but the model", filters.Message);
        Assert.Contains("was trained with high-pass 0.5 Hz (order 5), low-pass 30 Hz (order 4)", filters.Message);
        Assert.Contains("dataset.signal_length gives 2500 samples", tested.Message);
        Assert.Equal($"{checkpoint}: the networks were trained with 1000 samples but dataset.signal_length now gives 2500 samples; " +
            "resume with the preprocessing the run started with", resumed.Message);
        Assert.All(new Exception[] { delineating, filters, tested, resumed }, e => Assert.DoesNotContain("\n", e.Message));
        Assert.Equal(writtenConfig, File.ReadAllText(runConfig));
    }

    [Fact]
    public void Should_Load_A_Checkpoint_Without_Preprocessing_With_The_Shipped_Defaults_And_Say_So()
    {
        using var output = new TempDirectory();
        string oldFormat = output.File("old.ckpt");
        SaveShippedModel(oldFormat, preprocessing: null);
        string nonDefaultOld = output.File("non-default-old.ckpt");
        File.Copy(oldFormat, nonDefaultOld);
        RewriteConfig(nonDefaultOld, text => text.Replace("signal_length: 2500", "signal_length: 1000"));

        using var trained = TrainedModel.Load(oldFormat);
        var refused = Assert.Throws<ConfigException>(() => TrainedModel.Load(nonDefaultOld));

        Assert.DoesNotContain("Preprocessing", ReadMetaJson(oldFormat));
        Assert.Equal(Preprocessing.Shipped, trained.Preprocessing);
        Assert.Equal($"{oldFormat} stores no preprocessing (written before it was stored, or a PyTorch .pth): assuming the shipped " +
            "2500 samples at 250 Hz, high-pass 0.67 Hz (order 5), low-pass 40 Hz (order 5), z-score, 1 lead", trained.PreprocessingNotice);
        Assert.Equal(2500, trained.CreateDelineator().Segmenter.Options.WindowLengthSamples);
        Assert.Contains("dataset.signal_length gives 1000 samples but the model", refused.Message);
        Assert.Contains("was trained with 2500 samples (assumed: it stores no preprocessing)", refused.Message);
    }

    [Fact]
    public void Should_Refuse_An_Unusable_Stored_Preprocessing_In_One_Line()
    {
        using var output = new TempDirectory();
        string path = output.File("bad.ckpt");
        SaveShippedModel(path, Preprocessing.Shipped);
        var json = JsonNode.Parse(ReadMetaJson(path))!;
        Assert.Equal("highpass", json["Preprocessing"]!["Filters"]![0]!["Type"]!.GetValue<string>());
        json["Preprocessing"]!["Filters"]![1]!["CutoffHz"] = 200.0;
        RewriteEntry(path, "meta.json", json.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.ReadMetadata(path));

        Assert.Equal($"{path}: entry 'meta.json': preprocessing low-pass 200 Hz (order 5) is not between 0 and the Nyquist frequency 125 Hz", error.Message);
    }

    /// <summary>A weights-only checkpoint of a fresh shipped ResNet-18 + FCN; <paramref name="preprocessing"/> null writes the format from before it was stored.</summary>
    private static void SaveShippedModel(string path, Preprocessing? preprocessing)
    {
        random.manual_seed(0);
        var config = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", "scratch.yaml")).Config;
        using var model = ExperimentModels.Create(config);
        var meta = new CheckpointMetadata(CheckpointMetadata.CurrentFormat, "base", 0, new Dictionary<string, double> { ["loss"] = 1, ["MeanIoU"] = 0.5 },
            1, 0.5, ["model"], 0, null, DateTimeOffset.UnixEpoch, WeightsOnly: true, Preprocessing: preprocessing);
        CheckpointStore.Save(path, meta, FlatShippedConfig.Text("resnet18", "scratch"), [("model", model)], []);
    }

    private static string ReadMetaJson(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("meta.json")!.Open());
        return reader.ReadToEnd();
    }

    private static void RewriteConfig(string path, Func<string, string> edit)
    {
        string text;
        using (var zip = ZipFile.OpenRead(path))
        using (var reader = new StreamReader(zip.GetEntry("config.yaml")!.Open()))
            text = reader.ReadToEnd();
        RewriteEntry(path, "config.yaml", edit(text));
    }

    private static void RewriteEntry(string path, string entryName, string text)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry(entryName)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
        writer.Write(text);
    }
}
