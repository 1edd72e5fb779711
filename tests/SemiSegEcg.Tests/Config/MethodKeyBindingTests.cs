using SemiSegEcg.Algorithms;
using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Config;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Config;

/// <summary>
/// A method's own <c>train</c> keys bind into its options record: another method's key is refused by name, a key of no
/// method is an unknown key, ranges are checked by the record, and the saved config keeps every key as written.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class MethodKeyBindingTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Shipped(string configName) => Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", $"{configName}.yaml");

    private static ConfigException LoadFails(string configName, string assignment) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Load(Shipped(configName), null, new CliOverrides { Set = [assignment] }));

    private string Write(string yaml)
    {
        string path = _tmp.File("configs/x.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static int LineOf(string text, string fragment) => text.Split('\n').ToList().FindIndex(l => l.Contains(fragment, StringComparison.Ordinal)) + 1;

    [Fact]
    public void Should_Refuse_A_Key_Of_Another_Method_Naming_The_Methods_It_Belongs_To()
    {
        var error = LoadFails("mean_teacher", "train.conf_thresh=0.9");

        Assert.Equal("train.conf_thresh is a setting of FixMatch, ReCo, UniMatch, not of Mean Teacher (--set train.conf_thresh=0.9)", error.Message);
        Assert.Equal("train.conf_thresh", error.KeyPath);
    }

    [Fact]
    public void Should_Name_The_File_And_Line_Of_A_Key_Of_Another_Method()
    {
        string text = FlatShippedConfig.Text("resnet18", "fixmatch").Replace("  conf_thresh: 0.80", "  conf_thresh: 0.80\n  ema_decay: 0.99");
        string path = Write(text);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        int line = LineOf(text, "ema_decay:");
        Assert.Equal($"train.ema_decay is a setting of Mean Teacher, ReCo, ST++, not of FixMatch ({path} line {line})", error.Message);
        Assert.Equal((path, line), (error.FilePath, error.Line!.Value));
    }

    [Fact]
    public void Should_Suggest_Among_Every_Train_Key_For_A_Key_Of_No_Method()
    {
        var error = LoadFails("mean_teacher", "train.conf_thres=0.9");

        Assert.StartsWith("unknown key 'train.conf_thres' in --set train.conf_thres=0.9; did you mean 'conf_thresh'?", error.Message);
        Assert.Contains("valid keys under 'train': epochs, warmup_epochs, accum_iter", error.Message);
        Assert.EndsWith(", ema_decay)", error.Message);
    }

    [Fact]
    public void Should_Suggest_The_Nearest_Algorithm_For_A_Misspelt_One_At_Its_File_And_Line()
    {
        string text = FlatShippedConfig.Text("resnet18", "mean_teacher").Replace("algorithm: mean_teacher", "algorithm: mean_teacer");
        string path = Write(text);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        int line = LineOf(text, "algorithm:");
        Assert.Equal($"'algorithm' in {path} line {line}: expected one of: {string.Join(", ", MethodCatalog.Names)}, got 'mean_teacer'; did you mean 'mean_teacher'?",
            error.Message);
        Assert.Equal(("algorithm", line), (error.KeyPath, error.Line!.Value));
    }

    [Theory]
    [InlineData("mean_teacher", "train.ema_decay=-0.1", "'train.ema_decay' in --set train.ema_decay=-0.1: must be between 0 and 1, got '-0.1'")]
    [InlineData("fixmatch", "train.conf_thresh=1.5", "'train.conf_thresh' in --set train.conf_thresh=1.5: must be between 0 and 1, got '1.5'")]
    [InlineData("reco", "train.contr_temp=0", "'train.contr_temp' in --set train.contr_temp=0: must be a finite number greater than 0, got '0'")]
    [InlineData("reco", "train.easy_conf_thresh=2", "'train.easy_conf_thresh' in --set train.easy_conf_thresh=2: must be between 0 and 1, got '2'")]
    [InlineData("reco", "train.contr_num_negatives=0", "'train.contr_num_negatives' in --set train.contr_num_negatives=0: must be at least 1, got '0'")]
    [InlineData("unimatch", "train.loss_weights=[1, 0.5]", "'train.loss_weights' in --set train.loss_weights=[1, 0.5]: must be four finite weights ≥ 0")]
    [InlineData("unimatch", "train.feature_dropout=1", "'train.feature_dropout' in --set train.feature_dropout=1: must be in [0, 1), got '1'")]
    [InlineData("stpp", "train.stpp_reference_selection=maybe", "'train.stpp_reference_selection' in --set train.stpp_reference_selection=maybe: expected true or false, got 'maybe'")]
    public void Should_Check_Each_Methods_Keys_In_Its_Options_Record(string configName, string assignment, string expected)
    {
        var error = LoadFails(configName, assignment);

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Should_Point_A_Range_Error_At_The_Alias_The_Value_Was_Written_Under()
    {
        string text = FlatShippedConfig.Text("resnet18", "reco").Replace("easy_conf_thresh: 0.65", "eash_conf_thresh: 1.5");
        string path = Write(text);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        int line = LineOf(text, "eash_conf_thresh:");
        Assert.Equal($"'train.easy_conf_thresh' in {path} line {line}: must be between 0 and 1, got '1.5'", error.Message);
    }

    [Fact]
    public void Should_Bind_The_Methods_Keys_And_Keep_Them_In_The_Saved_Config()
    {
        var loaded = ConfigLoader.Load(Shipped("unimatch"), null, new CliOverrides { Set = ["train.loss_weights=[1, 0.5, 0.5, 1]", "train.unimatch_cutmix=true"] });

        var reloaded = ConfigLoader.FromNode(ConfigReader.Parse(ConfigWriter.ToYaml(loaded.Node), "config.yaml"));

        var options = loaded.Config.MethodOptions<UniMatch.Options>();
        Assert.Equal([1, 0.5, 0.5, 1], options.LossWeights!);
        Assert.Equal((true, 0.80), (options.UnimatchCutmix, options.ConfThresh));
        Assert.Equal(options.LossWeights, reloaded.Config.MethodOptions<UniMatch.Options>().LossWeights);
        Assert.True(reloaded.Config.MethodOptions<UniMatch.Options>().UnimatchCutmix);
        Assert.True(loaded.Node.Find("train.conf_thresh") is not null && loaded.Node.Find("train.feature_dropout") is not null);
        Assert.True(reloaded.Node.ContentEquals(loaded.Node));
    }
}
