using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Config;

/// <summary>The configs/ grid: every base × override loads, validates, and carries the original's values (docs/reference/original-behaviour.md#configuration).</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ShippedConfigTests
{
    /// <summary>One override folder per benchmarked database of the catalog.</summary>
    private static IEnumerable<string> Databases => DatabaseCatalog.Benchmarked.Select(d => d.Key);

    private static IEnumerable<string> BaseFiles => ShippedConfigNames.FcnModels.SelectMany(b => ShippedConfigNames.Algorithms.Select(a => $"configs/base/{b}/{a}.yaml"));

    private static IEnumerable<string> OverrideFiles =>
        Databases.SelectMany(d => new[] { 2, 4, 8, 16 }.Select(n => $"configs/bench/{d}/1over{n}.yaml")).Append("configs/bench/cross_domain/merged.yaml");

    public static TheoryData<string, string> Combinations()
    {
        var data = new TheoryData<string, string>();
        foreach (string baseFile in BaseFiles)
        {
            data.Add(baseFile, "");
            foreach (string overrideFile in OverrideFiles) data.Add(baseFile, overrideFile);
        }
        return data;
    }

    private static string Repo(string relative) => Path.Combine(SharedData.RepoRoot, relative);

    private static LoadedConfig LoadBase(string backbone, string algorithm) => ConfigLoader.Load(Repo($"configs/base/{backbone}/{algorithm}.yaml"));

    private static string IndexNames(DatasetConfig d) => $"{d.TrainLabeledCsv} {d.TrainUnlabeledCsv} {d.ValidCsv} {d.TestCsv}";

    private static ConfigNode Yaml(string text) => ConfigReader.Parse(text, "expected");

    [Fact]
    public void Should_Ship_Exactly_The_Expected_Grid()
    {
        string[] shipped = Directory.GetFiles(Repo("configs"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SharedData.RepoRoot, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

        var unet = ShippedConfigNames.UNetModels.SelectMany(b => ShippedConfigNames.Algorithms.Select(a => $"configs/base/{b}/{a}.yaml"));
        string[] demo = ["configs/demo/ludb.yaml", "configs/demo/synthetic.yaml", "configs/bundled/ludb_all.yaml"];
        Assert.Equal(BaseFiles.Concat(OverrideFiles).Concat(unet).Concat(demo).Concat(ShippedConfigNames.SharedPieces).Order(StringComparer.Ordinal), shipped);
    }

    [Fact]
    public void Should_Write_Each_Shared_Value_Once_So_A_Base_Config_Is_Its_Pieces_And_Its_Own_Names()
    {
        // Given: what a base config may say itself: its output folder, and ReCo's projection (the backbone's width)
        string[] ownKeys = ["_base_", "output_dir", "projection_in_dim"];
        var used = new HashSet<string>(StringComparer.Ordinal);

        foreach (string model in ShippedConfigNames.AllModels)
        {
            foreach (string algorithm in ShippedConfigNames.Algorithms)
            {
                // When
                string file = Repo($"configs/base/{model}/{algorithm}.yaml");
                ConfigMapping own = ConfigReader.ReadFile(file);
                var pieces = Assert.IsType<ConfigSequence>(own["_base_"]).Items
                    .Select(p => Path.GetRelativePath(SharedData.RepoRoot, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, ((ConfigScalar)p).Text))).Replace('\\', '/'));

                // Then
                Assert.True(own.Keys.All(ownKeys.Contains), $"{model}/{algorithm}.yaml sets {string.Join(", ", own.Keys.Except(ownKeys))}; shared values belong in configs/base/_shared/");
                Assert.Equal(algorithm == "reco", own.ContainsKey("projection_in_dim"));
                used.UnionWith(pieces);
            }
        }
        Assert.Equal(ShippedConfigNames.SharedPieces.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Should_Load_And_Validate_Every_Base_With_Every_Override(string baseFile, string overrideFile)
    {
        // When
        var loaded = ConfigLoader.Load(Repo(baseFile), overrideFile.Length == 0 ? null : Repo(overrideFile));

        // Then
        string[] parts = baseFile.Split('/');
        string backbone = parts[2], algorithm = Path.GetFileNameWithoutExtension(parts[3]);
        ExperimentConfig c = loaded.Config;
        Assert.Equal(algorithm, c.Algorithm.Entry.ConfigName);
        Assert.Equal($"runs/{backbone}/{algorithm}", c.OutputDir);
        Assert.Equal(backbone, c.Backbone.Name);
        Assert.Equal(DeviceKind.Cpu, c.Device);
        Assert.Equal((100, 10), (c.Train.Epochs, c.Train.WarmupEpochs));
        Assert.Equal(Repo(baseFile), c.ConfigPath);
        if (overrideFile.Length == 0)
        {
            Assert.Equal("default", c.ExpName);
            return;
        }

        Assert.Equal(Repo(overrideFile), c.OverrideConfigPath);
        string setting = Path.GetFileName(Path.GetDirectoryName(overrideFile))!, ratio = Path.GetFileNameWithoutExtension(overrideFile);
        Assert.Equal($"{setting}/{ratio}", c.ExpName);
        Assert.Equal(overrideFile, loaded.Node.Find("dataset.ecg_dir")!.Source.Name.Replace(SharedData.RepoRoot + "/", ""));
        if (setting == "cross_domain")
        {
            Assert.Equal((".", ".", "merged/index"), (c.Dataset.EcgDir, c.Dataset.LabelDir, c.Dataset.IndexDir));
            Assert.Equal("merged_train_labeled.csv merged_unlabeled.csv merged_valid.csv merged_test.csv", IndexNames(c.Dataset));
        }
        else
        {
            string prefix = DatabaseCatalog.Find(setting)!.Prefix;
            Assert.Equal(($"{setting}/ecg", $"{setting}/label", $"{setting}/index"), (c.Dataset.EcgDir, c.Dataset.LabelDir, c.Dataset.IndexDir));
            Assert.Equal($"{prefix}_train_labeled_{ratio}.csv {prefix}_train_unlabeled.csv {prefix}_valid.csv {prefix}_test.csv", IndexNames(c.Dataset));
        }
    }

    public static TheoryData<string> Methods() => new(ShippedConfigNames.Algorithms);

    [Theory]
    [MemberData(nameof(Methods))]
    public void Should_Differ_Between_Backbones_Only_In_Backbone_Head_Width_Projection_And_Output_Dir(string algorithm)
    {
        // Given: the allowed differences (docs/reference/original-behaviour.md#configuration) overwritten with one placeholder
        var sameParts = (ConfigMapping)Yaml("""
            output_dir: x
            backbone: x
            decode_head: {FCNHead: {in_channels: 0}}
            projection_in_dim: 0
            """);

        // When
        ConfigNode resnet = ConfigMerger.Merge(LoadBase("resnet18", algorithm).Node, sameParts);
        ConfigNode vit = ConfigMerger.Merge(LoadBase("vit_tiny", algorithm).Node, sameParts);

        // Then (config_path differs by construction)
        var withoutPath = (ConfigMapping)Yaml("config_path: x");
        Assert.True(ConfigMerger.Merge(resnet, withoutPath).ContentEquals(ConfigMerger.Merge(vit, withoutPath)));
    }

    [Theory]
    [InlineData("resnet18", 512)]
    [InlineData("vit_tiny", 192)]
    public void Should_Carry_The_Spec_Model_Blocks(string backbone, int width)
    {
        string expectedBackbone = backbone == "resnet18"
            ? "{num_leads: 1, num_stages: 4, out_indices: [0, 1, 2, 3], dilations: [1, 1, 1, 1], strides: [1, 2, 2, 2], deep_stem: false, avg_down: false, contract_dilation: false}"
            : "{seq_len: 2500, patch_size: 25, num_leads: 1, fp16_enabled: true}";
        var head = Yaml($"{{in_channels: {width}, in_index: 3, channels: 128, num_convs: 1, kernel_size: 3, concat_input: false, dropout_ratio: 0.1, num_classes: 4, align_corners: false}}");

        foreach (string algorithm in ShippedConfigNames.Algorithms)
        {
            ExperimentConfig c = LoadBase(backbone, algorithm).Config;
            Assert.True(c.Backbone.Args.ContentEquals(Yaml(expectedBackbone)), $"{backbone}/{algorithm} backbone");
            Assert.Equal("FCNHead", c.DecodeHead.Name);
            Assert.True(c.DecodeHead.Args.ContentEquals(head), $"{backbone}/{algorithm} head");
            Assert.Equal(algorithm == "reco", c.UseLatentProjection);
            if (algorithm == "reco") Assert.Equal((width, 128), (c.ProjectionInDim!.Value, c.ProjectionOutDim!.Value));
        }
    }

    [Theory]
    [InlineData("scratch", false)]
    [InlineData("mean_teacher", true)]
    [InlineData("fixmatch", true)]
    [InlineData("cps", false)]
    [InlineData("reco", true)]
    [InlineData("stpp", true)]
    [InlineData("unimatch", true)]
    public void Should_Carry_The_Spec_Data_Pipeline(string algorithm, bool hasStrongAugmentation)
    {
        DatasetConfig d = LoadBase("resnet18", algorithm).Config.Dataset;

        Assert.True(d.Filter!.ContentEquals(Yaml("[{highpass_filter: {fs: 250, cutoff: 0.67}}, {lowpass_filter: {fs: 250, cutoff: 40}}]")));
        Assert.True(d.Augmentations!.ContentEquals(Yaml("[{random_resize_crop: {target_length: 2500, scale_min: 0.5, scale_max: 2.0}}]")));
        Assert.True(d.Transforms!.ContentEquals(Yaml("[{standardize: {axis: [-1, -2]}}, {to_tensor: {dtype: float}}]")));
        Assert.Equal((2500, "waveform", "label"), (d.SignalLength, d.FilenameCol, d.LabelFilenameCol));
        Assert.Null(d.TrainCrop);
        Assert.Null(d.EvalCrop);
        if (!hasStrongAugmentation)
        {
            Assert.Null(d.StrongAugmentations);
            return;
        }
        Assert.True(d.StrongAugmentations!.ContentEquals(Yaml("""
            - RandAugment:
                ops:
                  - amplitude_scaling: {sigma: 0.5}
                  - adaptive_powerline_noise: {fs: 250}
                  - partial_white_noise: {amplitude: 1.0, ratio: 0.5}
                  - partial_sine_noise: {amplitude: 1.0, ratio: 0.5}
                level: 10
                num_layers: 3
                prob: 0.5
            """)));
    }

    [Fact]
    public void Should_Carry_The_Spec_Optimisation_And_Algorithm_Settings()
    {
        foreach (string backbone in ShippedConfigNames.FcnModels)
        {
            foreach (string algorithm in ShippedConfigNames.Algorithms)
            {
                ExperimentConfig c = LoadBase(backbone, algorithm).Config;
                TrainConfig t = c.Train;
                Assert.Equal((1e-3, 1e-4, 0.05, 1), (t.Lr!.Value, t.MinLr, t.WeightDecay, t.AccumIter));
                Assert.Equal((OptimizerKind.AdamW, (double?)null, (double?)null, (double?)null), (t.Optimizer, t.Blr, t.MaxNorm, t.LayerDecay));
                Assert.Equal([0.9, 0.999], t.OptimizerKwargs.Betas);
                Assert.Equal([0.4], t.AuxiliaryLossWeight!);
                Assert.Equal((16, 2, false), (c.Dataloader.BatchSize, c.Dataloader.NumWorkers, c.Dataloader.PinMemory));
                Assert.Equal((0, 0, false, "scratch"), (c.Seed, c.StartEpoch, c.UseAmp, c.Mode));
                Assert.Equal("MeanIoU", c.Test!.TargetMetric);
                Assert.Equal((4, true, "one-hot"), (c.Metric.NumClasses, c.Metric.IncludeBackground, c.Metric.InputFormat));
                Assert.Null(c.DataRoot);
            }
        }

        var reco = LoadBase("vit_tiny", "reco").Config.MethodOptions<ReCo.Options>();
        Assert.Equal((0.99, 0.80, 0.65, 0.80, 0.25, 256, 512),
            (reco.EmaDecay, reco.ConfThresh, reco.EasyConfThresh, reco.HardConfThresh, reco.ContrTemp, reco.ContrNumQueries, reco.ContrNumNegatives));
        Assert.Equal(0.99, LoadBase("resnet18", "mean_teacher").Config.MethodOptions<MeanTeacher.Options>().EmaDecay);
        Assert.Equal(0.80, LoadBase("resnet18", "fixmatch").Config.MethodOptions<FixMatch.Options>().ConfThresh);
        Assert.False(LoadBase("resnet18", "stpp").Config.MethodOptions<StPlusPlus.Options>().StppReferenceSelection);
        Assert.False(LoadBase("resnet18", "scratch").Config.Train.StepMatched);
        var unimatch = LoadBase("resnet18", "unimatch").Config.MethodOptions<UniMatch.Options>();
        Assert.Equal((0.80, 0.5), (unimatch.ConfThresh, unimatch.FeatureDropout));
    }
}
