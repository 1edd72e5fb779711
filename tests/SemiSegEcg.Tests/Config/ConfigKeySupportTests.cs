using SemiSegEcg.Config;
using SemiSegEcg.Evaluation;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Config;

/// <summary>
/// Keys of the original's configs that we accept only with their shipped value: any other value stops the load with
/// the key and the supported value, never silently ignored. (That the shipped values load is ShippedConfigTests'.)
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ConfigKeySupportTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string ShippedBase(string algorithm = "scratch") => Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", $"{algorithm}.yaml");

    [Theory]
    [InlineData("metric.task=classification", "must be 'segmentation', the only supported task, got 'classification'")]
    [InlineData("metric.compute_on_cpu=false", "must be true, the only supported value")]
    [InlineData("metric.sync_on_compute=true", "must be false, the only supported value")]
    [InlineData("metric.num_classes=3", "must be 4, the only supported value (background, P, QRS, T), got '3'")]
    [InlineData("metric.include_background=false", "must be true, the only supported value")]
    [InlineData("metric.per_class=true", "must be false, the only supported value")]
    [InlineData("metric.input_format=index", "must be 'one-hot', the only supported value, got 'index'")]
    [InlineData("metric.target_metrics=[MeanIoU, Dice]", "must be [MeanIoU], the only supported value")]
    [InlineData("metric.target_metrics=[]", "must be [MeanIoU], the only supported value")]
    public void Should_Refuse_A_Metric_Setting_Other_Than_The_Shipped_One(string assignment, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(ShippedBase(), null, new CliOverrides { Set = [assignment] }));

        Assert.Equal(assignment[..assignment.IndexOf('=')], error.KeyPath);
        Assert.Contains(expected, error.Message);
        Assert.Contains($"--set {assignment}", error.Message);
    }

    [Fact]
    public void Should_Name_The_File_And_Line_Of_A_Refused_Metric_Setting()
    {
        string text = FlatShippedConfig.Text("resnet18", "scratch").Replace("per_class: false", "per_class: true");
        string path = _tmp.File("x.yaml");
        File.WriteAllText(path, text);
        int line = text.Split('\n').ToList().FindIndex(l => l.Contains("per_class:")) + 1;

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.Equal((path, line, "metric.per_class"), (error.FilePath, error.Line, error.KeyPath));
        Assert.StartsWith($"'metric.per_class' in {path} line {line}: must be false", error.Message);
    }

    [Theory]
    [InlineData("mIoU_pooled")]
    [InlineData("meaniou")]
    public void Should_Refuse_A_Test_Target_Metric_That_Has_No_Best_Checkpoint(string metric)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(ShippedBase(), null, new CliOverrides { Set = [$"test.target_metric={metric}"] }));

        Assert.Equal("test.target_metric", error.KeyPath);
        Assert.Contains("must name a checkpointed metric: MeanIoU, loss", error.Message);
    }

    public static TheoryData<string> CheckpointedMetrics() => new(MetricCatalog.Checkpointed.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(CheckpointedMetrics))]
    public void Should_Accept_Every_Checkpointed_Test_Target_Metric(string metric)
    {
        var loaded = ConfigLoader.Load(ShippedBase(), null, new CliOverrides { Set = [$"test.target_metric={metric}"] });

        Assert.Equal(metric, loaded.Config.Test!.TargetMetric);
    }

    [Fact]
    public void Should_Refuse_A_Pretrained_Backbone_That_Mode_Scratch_Would_Ignore()
    {
        var error = Assert.Throws<ConfigException>(() =>
            ConfigLoader.Load(ShippedBase(), null, new CliOverrides { Set = ["pretrained_backbone=runs/a/last.ckpt"] }));

        Assert.Equal("pretrained_backbone", error.KeyPath);
        Assert.Contains("is set but mode is 'scratch', which trains from random weights", error.Message);
    }

    [Fact]
    public void Should_Require_A_Pretrained_Backbone_In_Any_Other_Mode()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(ShippedBase(), null, new CliOverrides { Set = ["mode=finetune"] }));
        var loaded = ConfigLoader.Load(ShippedBase(), null, new CliOverrides { Set = ["mode=finetune", "pretrained_backbone=runs/a/last.ckpt", "freeze_backbone=true"] });

        Assert.Equal("pretrained_backbone", error.KeyPath);
        Assert.Contains("is required when mode is 'finetune'", error.Message);
        Assert.Equal(("finetune", "runs/a/last.ckpt", true), (loaded.Config.Mode, loaded.Config.PretrainedBackbone, loaded.Config.FreezeBackbone));
    }
}
