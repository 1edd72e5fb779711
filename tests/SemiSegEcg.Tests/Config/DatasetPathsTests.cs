using SemiSegEcg.Config;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Config;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class DatasetPathsTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Write(string relative, string yaml) => _tmp.Write(relative, yaml);

    /// <summary>A shipped base with <paramref name="extra"/> appended at the top level (e.g. a data_root line).</summary>
    private string Base(string extra = "") =>
        Write("cfg/base/fixmatch.yaml", FlatShippedConfig.Text("resnet18", "fixmatch").Replace("data_root: null", extra));

    private static string Override(string setting = "ludb/1over16") => Path.Combine(SharedData.RepoRoot, $"configs/bench/{setting}.yaml");

    [Fact]
    public void Should_Resolve_Against_The_Command_Line_Root_First()
    {
        // Given a root in every place
        var loaded = ConfigLoader.Load(Base($"data_root: {_tmp.File("from-config")}"), Override(), new CliOverrides { DataRoot = _tmp.File("from-cli") });

        // When
        DatasetPaths paths = DatasetPaths.Resolve(loaded, environmentDataRoot: _tmp.File("from-env"));

        // Then
        Assert.Equal((_tmp.File("from-cli"), DataRootOrigin.CommandLine), (paths.DataRoot, paths.DataRootOrigin));
        Assert.Equal(_tmp.File("from-cli/ludb/ecg"), paths.EcgDir);
        Assert.Equal(_tmp.File("from-cli/ludb/label"), paths.LabelDir);
        Assert.Equal(_tmp.File("from-cli/ludb/index"), paths.IndexDir);
        Assert.Equal(_tmp.File("from-cli/ludb/index/LUDB_train_labeled_1over16.csv"), paths.TrainLabeledIndex);
        Assert.Equal(_tmp.File("from-cli/ludb/index/LUDB_train_unlabeled.csv"), paths.TrainUnlabeledIndex);
        Assert.Equal(_tmp.File("from-cli/ludb/index/LUDB_valid.csv"), paths.ValidIndex);
        Assert.Equal(_tmp.File("from-cli/ludb/index/LUDB_test.csv"), paths.TestIndex);
    }

    [Fact]
    public void Should_Resolve_A_Relative_Command_Line_Root_Against_The_Current_Directory()
    {
        var loaded = ConfigLoader.Load(Base(), Override(), new CliOverrides { DataRoot = "prepared" });

        DatasetPaths paths = DatasetPaths.Resolve(loaded, environmentDataRoot: null);

        Assert.Equal(Path.GetFullPath("prepared/ludb/ecg"), paths.EcgDir);
    }

    [Fact]
    public void Should_Prefer_The_Config_Root_Over_The_Environment_And_Resolve_It_Against_Its_File()
    {
        var loaded = ConfigLoader.Load(Base("data_root: ../../prepared"), Override("qtdb/1over2"), CliOverrides.None);

        DatasetPaths paths = DatasetPaths.Resolve(loaded, environmentDataRoot: _tmp.File("from-env"));

        Assert.Equal((_tmp.File("prepared"), DataRootOrigin.ConfigFile), (paths.DataRoot, paths.DataRootOrigin));
        Assert.Equal(_tmp.File("prepared/qtdb/ecg"), paths.EcgDir);
    }

    [Fact]
    public void Should_Use_The_Environment_Root_When_Nothing_Else_Sets_One()
    {
        var loaded = ConfigLoader.Load(Base(), Override("cross_domain/merged"), CliOverrides.None);

        DatasetPaths paths = DatasetPaths.Resolve(loaded, environmentDataRoot: _tmp.File("from-env"));

        Assert.Equal(DataRootOrigin.Environment, paths.DataRootOrigin);
        Assert.Equal(_tmp.File("from-env"), paths.EcgDir);
        Assert.Equal(_tmp.File("from-env"), paths.LabelDir);
        Assert.Equal(_tmp.File("from-env/merged/index/merged_unlabeled.csv"), paths.TrainUnlabeledIndex);
    }

    [Fact]
    public void Should_Resolve_Each_Path_Against_The_File_That_Set_It_Without_A_Root()
    {
        // Given: the base sets ecg_dir, the override (elsewhere) sets only index_dir
        string basePath = Base();
        string overridePath = Write("elsewhere/deep/over.yaml", "dataset:\n  index_dir: ../index\n  label_dir: /abs/labels\n");

        // When
        DatasetPaths paths = DatasetPaths.Resolve(ConfigLoader.Load(basePath, overridePath, CliOverrides.None), environmentDataRoot: "");

        // Then
        Assert.Equal((null, DataRootOrigin.None), (paths.DataRoot, paths.DataRootOrigin));
        Assert.Equal(_tmp.File("cfg/base/ludb/ecg"), paths.EcgDir);
        Assert.Equal(_tmp.File("elsewhere/index"), paths.IndexDir);
        Assert.Equal(Path.GetFullPath("/abs/labels"), paths.LabelDir);
    }

    [Fact]
    public void Should_Keep_Absolute_Paths_And_Resolve_Command_Line_Paths_Against_The_Current_Directory()
    {
        var cli = new CliOverrides { Set = ["dataset.ecg_dir=/data/ecg", "dataset.index_dir=my/index", "dataset.test_csv=/elsewhere/test.csv"] };

        DatasetPaths paths = DatasetPaths.Resolve(ConfigLoader.Load(Base(), null, cli), environmentDataRoot: null);

        Assert.Equal(Path.GetFullPath("/data/ecg"), paths.EcgDir);
        Assert.Equal(Path.GetFullPath("my/index"), paths.IndexDir);
        Assert.Equal(Path.GetFullPath("/elsewhere/test.csv"), paths.TestIndex);
    }

    [Fact]
    public void Should_Save_A_Config_That_Finds_The_Same_Data_From_Anywhere()
    {
        // Given
        var loaded = ConfigLoader.Load(Base(), Override(), new CliOverrides { DataRoot = _tmp.File("root") });
        DatasetPaths paths = DatasetPaths.Resolve(loaded, environmentDataRoot: null);

        // When: saved in a run folder and read back with a different environment root
        string saved = _tmp.File("runs/x/config.yaml");
        ConfigWriter.Save(saved, loaded.WithResolvedDatasetPaths(paths).Node);
        DatasetPaths again = DatasetPaths.Resolve(ConfigLoader.Load(saved), environmentDataRoot: _tmp.File("other"));

        // Then
        Assert.Equal((paths.EcgDir, paths.LabelDir, paths.IndexDir, paths.TestIndex), (again.EcgDir, again.LabelDir, again.IndexDir, again.TestIndex));
    }
}
