using SemiSegEcg.Config;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Config;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ConfigInheritanceTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Write(string relative, string yaml) => _tmp.Write(relative, yaml);

    private static string Text(ConfigNode? node) => Assert.IsType<ConfigScalar>(node).Text;

    private ConfigException ReadFails(string relative, string yaml) =>
        Assert.Throws<ConfigException>(() => ConfigInheritance.ReadFile(Write(relative, yaml)));

    [Fact]
    public void Should_Merge_Bases_In_Order_Then_The_Files_Own_Keys()
    {
        // Given: two pieces that overlap, and a file that overrides one value of each
        Write("pieces/first.yaml", "seed: 1\ntrain:\n  epochs: 10\n  lr: 0.1\n  betas: [0.9, 0.999]\ndevice: cpu\n");
        Write("pieces/second.yaml", "seed: 2\ntrain:\n  epochs: 20\n  betas: [0.5]\n");
        string path = Write("models/run.yaml", "_base_: [../pieces/first.yaml, ../pieces/second.yaml]\ntrain:\n  lr: 0.5\nexp_name: mine\n");

        // When
        ConfigMapping merged = ConfigInheritance.ReadFile(path);

        // Then: later bases win, mappings merge key by key, lists are replaced, the file's own keys win last
        Assert.False(merged.ContainsKey("_base_"));
        Assert.Equal(["seed", "train", "device", "exp_name"], merged.Keys);
        Assert.Equal(("2", "20", "0.5", "cpu", "mine"),
            (Text(merged["seed"]), Text(merged.Find("train.epochs")), Text(merged.Find("train.lr")), Text(merged["device"]), Text(merged["exp_name"])));
        Assert.Equal("[0.5]\n", ConfigWriter.ToYaml(merged.Find("train.betas")!));
        Assert.Equal((_tmp.File("pieces/second.yaml"), 3), (merged.Find("train.epochs")!.Source.FilePath, merged.Find("train.epochs")!.Source.Line));
        Assert.Equal((path, 3), (merged.Find("train.lr")!.Source.FilePath, merged.Find("train.lr")!.Source.Line));
        Assert.Equal(_tmp.File("pieces/first.yaml"), merged["device"]!.Source.FilePath);
        Assert.Equal(path, merged.Source.FilePath);
    }

    [Fact]
    public void Should_Accept_A_Single_Base_Written_As_A_String_And_An_Absolute_Path()
    {
        string piece = Write("pieces/common.yaml", "seed: 3\ndevice: cpu\n");
        string path = Write("run.yaml", $"_base_: {piece}\nseed: 4\n");

        ConfigMapping merged = ConfigInheritance.ReadFile(path);

        Assert.Equal(("4", "cpu"), (Text(merged["seed"]), Text(merged["device"])));
    }

    [Fact]
    public void Should_Read_A_File_Without_Bases_Exactly_As_The_Plain_Reader_Does()
    {
        string path = Write("flat.yaml", FlatShippedConfig.Text("resnet18", "reco"));

        ConfigMapping viaInheritance = ConfigInheritance.ReadFile(path);
        ConfigMapping plain = ConfigReader.ReadFile(path);

        Assert.True(plain.ContentEquals(viaInheritance));
        Assert.Equal(ConfigWriter.ToYaml(plain), ConfigWriter.ToYaml(viaInheritance));
        Assert.Equal(plain.Find("train.contr_temp")!.Source, viaInheritance.Find("train.contr_temp")!.Source);
    }

    [Fact]
    public void Should_Refuse_A_Base_That_Has_Bases_Of_Its_Own_Naming_Both_Files()
    {
        Write("pieces/grand.yaml", "seed: 1\n");
        Write("pieces/parent.yaml", "seed: 2\n_base_: [grand.yaml]\n");

        var error = ReadFails("run.yaml", "_base_:\n  - pieces/parent.yaml\n");

        Assert.Equal(
            $"'_base_' in {_tmp.File("pieces/parent.yaml")} line 2: {_tmp.File("pieces/parent.yaml")} is a base of {_tmp.File("run.yaml")} (_base_[0]) "
            + $"and has a _base_ of its own; only one level of _base_ is supported: list its bases in {_tmp.File("run.yaml")} instead",
            error.Message);
        Assert.Equal(("_base_", _tmp.File("pieces/parent.yaml"), 2), (error.KeyPath, error.FilePath, error.Line));
    }

    [Fact]
    public void Should_Name_A_Cycle_Between_Two_Files()
    {
        Write("b.yaml", "_base_: a.yaml\n");

        var error = ReadFails("a.yaml", "_base_: b.yaml\n");

        Assert.Contains($"{_tmp.File("b.yaml")} is a base of {_tmp.File("a.yaml")} (_base_) and has a _base_ of its own that lists {_tmp.File("a.yaml")} back (a cycle)", error.Message);
    }

    [Fact]
    public void Should_Refuse_A_File_That_Lists_Itself()
    {
        Write("dir/other.yaml", "seed: 1\n");

        var error = ReadFails("dir/self.yaml", "seed: 0\n_base_: [other.yaml, ../dir/self.yaml]\n");

        Assert.Equal($"'_base_[1]' in {_tmp.File("dir/self.yaml")} line 2: '../dir/self.yaml' is this file itself; a config cannot be its own base", error.Message);
        Assert.Equal(("_base_[1]", _tmp.File("dir/self.yaml")), (error.KeyPath, error.FilePath));
    }

    [Fact]
    public void Should_Name_The_File_And_Item_Of_A_Missing_Base()
    {
        Write("pieces/common.yaml", "seed: 1\n");

        var error = ReadFails("run.yaml", "_base_:\n  - pieces/common.yaml\n  - pieces/nowhere.yaml\n");

        Assert.Equal($"'_base_[1]' in {_tmp.File("run.yaml")} line 3: base file 'pieces/nowhere.yaml' not found (looked at {_tmp.File("pieces/nowhere.yaml")})", error.Message);
        Assert.Equal(("_base_[1]", _tmp.File("run.yaml"), 3), (error.KeyPath, error.FilePath, error.Line));
    }

    [Fact]
    public void Should_Refuse_A_Base_Listed_Twice()
    {
        Write("common.yaml", "seed: 1\n");

        var error = ReadFails("run.yaml", "_base_: [common.yaml, ./common.yaml]\n");

        Assert.Equal("_base_[1]", error.KeyPath);
        Assert.Contains("'./common.yaml' is already listed as _base_[0]", error.Message);
    }

    [Theory]
    [InlineData("_base_:\n", "_base_", "expected a base file or a list of base files (paths relative to this file), got null")]
    [InlineData("_base_: {a: b.yaml}\n", "_base_", "expected a base file or a list of base files (paths relative to this file), got a mapping with keys a")]
    [InlineData("_base_: [[b.yaml]]\n", "_base_[0]", "expected a base file path, got a list of 1 item(s)")]
    [InlineData("_base_: [b.yaml, null]\n", "_base_[1]", "expected a base file path, got null")]
    [InlineData("_base_: ['']\n", "_base_[0]", "expected a base file path, got ''")]
    public void Should_Refuse_A_Base_List_Of_The_Wrong_Shape(string yaml, string keyPath, string problem)
    {
        Write("b.yaml", "seed: 1\n");

        var error = ReadFails("run.yaml", yaml);

        Assert.Equal($"'{keyPath}' in {_tmp.File("run.yaml")} line 1: {problem}", error.Message);
        Assert.Equal((keyPath, _tmp.File("run.yaml")), (error.KeyPath, error.FilePath));
    }

    [Fact]
    public void Should_Point_An_Error_In_A_Base_Value_At_The_Base_File_And_Line()
    {
        // Given: a complete config as the first base, a piece with a bad value as the second
        Write("pieces/full.yaml", FlatShippedConfig.Text("resnet18", "fixmatch"));
        string bad = Write("pieces/bad.yaml", "seed: 1\ntrain:\n  epochs: many\n");
        string path = Write("run.yaml", "_base_: [pieces/full.yaml, pieces/bad.yaml]\n");

        // When
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        // Then
        Assert.Equal($"'train.epochs' in {bad} line 3: expected an integer, got 'many'", error.Message);
        Assert.Equal((bad, 3), (error.FilePath, error.Line));
    }

    [Fact]
    public void Should_Point_An_Unknown_Key_In_A_Base_At_The_Base_File()
    {
        Write("pieces/full.yaml", FlatShippedConfig.Text("resnet18", "fixmatch"));
        string bad = Write("pieces/typo.yaml", "train:\n  warmup_epoch: 3\n");
        string path = Write("run.yaml", "_base_: [pieces/full.yaml, pieces/typo.yaml]\n");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.StartsWith($"unknown key 'train.warmup_epoch' in {bad} line 2; did you mean 'warmup_epochs'?", error.Message);
    }

    [Fact]
    public void Should_Let_An_Override_File_Have_Bases_Too()
    {
        string dataset = Write("bench/_pieces/qtdb.yaml", "dataset:\n  ecg_dir: qtdb/ecg\n  label_dir: qtdb/label\n  index_dir: qtdb/index\n");
        string overridePath = Write("bench/qtdb.yaml", "_base_: [_pieces/qtdb.yaml]\nexp_name: qtdb/mine\n");

        var loaded = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs/base/resnet18/fixmatch.yaml"), overridePath);

        Assert.Equal(("qtdb/mine", "qtdb/ecg"), (loaded.Config.ExpName, loaded.Config.Dataset.EcgDir));
        Assert.Equal(dataset, loaded.Node.Find("dataset.ecg_dir")!.Source.FilePath);
        Assert.Equal(overridePath, loaded.Config.OverrideConfigPath);
    }

    [Fact]
    public void Should_Resolve_A_Relative_Dataset_Folder_Against_The_Piece_That_Wrote_It()
    {
        Write("pieces/full.yaml", FlatShippedConfig.Text("resnet18", "fixmatch"));
        Write("pieces/data/local.yaml", "dataset:\n  ecg_dir: ecg\n");
        string path = Write("runs/run.yaml", "_base_: [../pieces/full.yaml, ../pieces/data/local.yaml]\ndataset:\n  index_dir: index\n");

        DatasetPaths paths = DatasetPaths.Resolve(ConfigLoader.Load(path), environmentDataRoot: null);

        Assert.Equal(_tmp.File("pieces/data/ecg"), paths.EcgDir);
        Assert.Equal(_tmp.File("runs/index"), paths.IndexDir);
        Assert.Equal(_tmp.File("pieces/ludb/label"), paths.LabelDir);
    }

    [Theory]
    [InlineData("resnet18", "scratch", "resnet18")]
    [InlineData("vit_tiny_unet", "reco", "vit_tiny")]
    public void Should_Save_The_Whole_Config_Without_Bases_So_A_Run_Folder_Loads_Anywhere(string model, string algorithm, string backbone)
    {
        // Given: a shipped config loaded as train does, with its dataset folders resolved as a run saves them
        var loaded = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", model, $"{algorithm}.yaml"),
            Path.Combine(SharedData.RepoRoot, "configs/bench/ludb/1over16.yaml"), new CliOverrides { DataRoot = _tmp.File("data") });
        LoadedConfig saved = loaded.WithResolvedDatasetPaths(DatasetPaths.Resolve(loaded, environmentDataRoot: null));

        // When: written to a run folder far from configs/ and read back
        string configFile = _tmp.File("elsewhere/run/config.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(configFile)!);
        ConfigWriter.Save(configFile, saved.Node);
        var back = ConfigLoader.FromNode(ConfigReader.ReadFile(configFile));

        // Then
        Assert.DoesNotContain("_base_", File.ReadAllText(configFile), StringComparison.Ordinal);
        Assert.True(saved.Node.ContentEquals(back.Node));
        Assert.Equal(CanonicalConfigText.Of(saved), CanonicalConfigText.Of(back));
        Assert.Equal(backbone, back.Config.Backbone.Name);
    }
}
