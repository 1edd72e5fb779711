using SemiSegEcg.Algorithms;
using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Config;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Config;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ConfigLoaderTests : IDisposable
{
    /// <summary>The original's vit_tiny ReCo config as shipped: ../ paths, cuda, AMP, 1-epoch debug budget, the eash_ typo.</summary>
    private const string OriginalVitReco = """
        seed: 0
        output_dir: ../exps/vit_tiny/reco
        exp_name: ludb/1over16
        resume:
        start_epoch: 0
        device: cuda
        use_amp: true
        algorithm: reco
        mode: scratch
        pretrained_backbone:

        backbone:
          vit_tiny:
            seq_len: 2500
            patch_size: 25
            num_leads: 1
            fp16_enabled: true
        decode_head:
          FCNHead:
            in_channels: 192
            in_index: 3
            channels: 128
            num_convs: 1
            kernel_size: 3
            concat_input: false
            dropout_ratio: 0.1
            num_classes: 4
            align_corners: false
        use_latent_projection: true
        projection_in_dim: 192
        projection_out_dim: 128

        dataset:
          ecg_dir: ../data/ludb/ecg
          label_dir: ../data/ludb/label
          index_dir: ../index/ludb
          train_unlabeled_csv: LUDB_train_unlabeled.pkl
          train_labeled_csv: LUDB_train_labeled_1over16.pkl
          valid_csv: LUDB_valid.pkl
          test_csv: LUDB_test.pkl
          filename_col: waveform
          label_filename_col: label
          signal_length: 2500
          filter:
            - highpass_filter:
                fs: 250
                cutoff: 0.67
            - lowpass_filter:
                fs: 250
                cutoff: 40
          augmentations:
            - random_resize_crop:
                target_length: 2500
                scale_min: 0.5
                scale_max: 2.0
          strong_augmentations:
            - RandAugment:
                ops:
                  - amplitude_scaling:
                      sigma: 0.5
                  - adaptive_powerline_noise:
                      fs: 250
                  - partial_white_noise:
                      amplitude: 1.0
                      ratio: 0.5
                  - partial_sine_noise:
                      amplitude: 1.0
                      ratio: 0.5
                level: 10
                num_layers: 3
                prob: 0.5
          transforms:
            - standardize:
                axis: [-1, -2]
            - to_tensor:
                dtype: float

        dataloader:
          batch_size: 16
          num_workers: 2
          pin_memory: false

        train:
          epochs: 1
          accum_iter: 1
          warmup_epochs: 1
          min_lr: 1.0e-4
          blr:
          lr: 0.001
          weight_decay: 0.05
          max_norm:
          layer_decay:
          optimizer: adamw
          optimizer_kwargs:
            betas: [0.9, 0.999]
          auxiliary_loss_weight: [0.4]
          ema_decay: 0.99
          conf_thresh: 0.80
          eash_conf_thresh: 0.65
          hard_conf_thresh: 0.80
          contr_temp: 0.25
          contr_num_queries: 256
          contr_num_negatives: 512

        metric:
          task: segmentation
          compute_on_cpu: true
          sync_on_compute: false
          num_classes: 4
          include_background: true
          per_class: false
          input_format: one-hot
          target_metrics: [MeanIoU]

        test:
          target_metric: MeanIoU

        ddp:
          world_size: 1
          rank: -1
          gpu: 0
          dist_url: env://
          dist_backend: nccl
          distributed: false
          sync_bn: true
        """;

    /// <summary>The original's Zhejiang 1/2 override, still naming .pkl index files.</summary>
    private const string OriginalZhejiangOverride = """
        exp_name: zhejiang/1over2
        dataset:
          ecg_dir: ../data/zhejiang/ecg
          label_dir: ../data/zhejiang/label
          index_dir: ../index/zhejiang
          train_unlabeled_csv: Zhejiang_train_unlabeled.pkl
          train_labeled_csv: Zhejiang_train_labeled_1over2.pkl
          valid_csv: Zhejiang_valid.pkl
          test_csv: Zhejiang_test.pkl
        """;

    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Write(string relative, string yaml) => _tmp.Write(relative, yaml);

    private string ShippedBase(string algorithm = "fixmatch") => Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", $"{algorithm}.yaml");

    private ConfigException LoadFails(string baseYaml, CliOverrides? cli = null) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write("configs/x.yaml", baseYaml), null, cli ?? CliOverrides.None));

    [Fact]
    public void Should_Load_A_Config_In_The_Originals_Layout_Unchanged()
    {
        // Given
        string basePath = Write("configs/base/vit_tiny/reco.yaml", OriginalVitReco);
        string overridePath = Write("configs/bench/zhejiang/1over2.yaml", OriginalZhejiangOverride);

        // When
        var loaded = ConfigLoader.Load(basePath, overridePath, CliOverrides.None);

        // Then
        ExperimentConfig c = loaded.Config;
        Assert.Equal((DeviceKind.Cuda, true, (MethodEntry)ReCo.Entry), (c.Device, c.UseAmp, c.Algorithm.Entry));
        Assert.Equal((1, 1), (c.Train.Epochs, c.Train.WarmupEpochs));
        Assert.Equal(0.65, c.MethodOptions<ReCo.Options>().EasyConfThresh);
        Assert.Equal(("../exps/vit_tiny/reco", "zhejiang/1over2"), (c.OutputDir, c.ExpName));
        Assert.Null(c.Resume);
        Assert.Null(c.PretrainedBackbone);
        Assert.Null(c.Train.Blr);
        Assert.Equal(0.001, c.Train.Lr);
        Assert.Equal(("../data/zhejiang/ecg", "../index/zhejiang", "Zhejiang_train_labeled_1over2.pkl"),
            (c.Dataset.EcgDir, c.Dataset.IndexDir, c.Dataset.TrainLabeledCsv));
        Assert.Equal((basePath, overridePath), (c.ConfigPath, c.OverrideConfigPath));
        Assert.Equal(Path.Combine("../exps/vit_tiny/reco", "zhejiang/1over2"), c.RunDirectory);
    }

    [Fact]
    public void Should_Resolve_The_Originals_Paths_Like_The_Original_When_Data_Root_Is_Its_Src_Folder()
    {
        string basePath = Write("configs/base/vit_tiny/reco.yaml", OriginalVitReco);

        var loaded = ConfigLoader.Load(basePath, null, new CliOverrides { DataRoot = _tmp.File("src") });
        DatasetPaths paths = DatasetPaths.Resolve(loaded, environmentDataRoot: null);

        Assert.Equal(_tmp.File("data/ludb/ecg"), paths.EcgDir);
        Assert.Equal(_tmp.File("index/ludb/LUDB_valid.pkl"), paths.ValidIndex);
    }

    [Fact]
    public void Should_Apply_Named_Command_Line_Options_Over_The_Files()
    {
        // Given
        var cli = new CliOverrides
        {
            OutputDir = "out", ExpName = "try1", Resume = "out/try1/best-loss.pth", StartEpoch = 5, Seed = 3, Device = "cuda",
            DataRoot = "prepared", ModelPath = "model.pth",
        };

        // When
        ExperimentConfig c = ConfigLoader.Load(ShippedBase(), null, cli).Config;

        // Then
        Assert.Equal(("out", "try1", "out/try1/best-loss.pth"), (c.OutputDir, c.ExpName, c.Resume));
        Assert.Equal((5, 3, DeviceKind.Cuda), (c.StartEpoch, c.Seed, c.Device));
        Assert.Equal("prepared", c.DataRoot);
        Assert.Equal("model.pth", c.Test!.ModelPath);
        Assert.Equal("MeanIoU", c.Test.TargetMetric);
    }

    [Fact]
    public void Should_Ignore_Empty_Options_And_A_Zero_Start_Epoch()
    {
        string path = Write("configs/x.yaml", FlatShippedConfig.Text("resnet18", "fixmatch").Replace("start_epoch: 0", "start_epoch: 7"));

        ExperimentConfig c = ConfigLoader.Load(path, null, new CliOverrides { StartEpoch = 0, OutputDir = "", ExpName = null }).Config;

        Assert.Equal(7, c.StartEpoch);
        Assert.Equal("runs/resnet18/fixmatch", c.OutputDir);
        Assert.Equal("default", c.ExpName);
    }

    [Fact]
    public void Should_Apply_Set_Assignments_As_Yaml_Values_After_Named_Options()
    {
        // Given
        var cli = new CliOverrides
        {
            Seed = 3,
            Set = ["train.epochs=3", "train.warmup_epochs=1", "train.optimizer_kwargs.betas=[0.5, 0.6]", "seed=4", "exp_name=quick run", "test="],
        };

        // When
        var loaded = ConfigLoader.Load(ShippedBase(), null, cli);

        // Then
        ExperimentConfig c = loaded.Config;
        Assert.Equal((3, 1, 4), (c.Train.Epochs, c.Train.WarmupEpochs, c.Seed));
        Assert.Equal([0.5, 0.6], c.Train.OptimizerKwargs.Betas);
        Assert.Equal("quick run", c.ExpName);
        Assert.Null(c.Test);
        Assert.Equal("--set train.epochs=3", loaded.Node.Find("train.epochs")!.Source.Name);
        Assert.Equal(0.80, c.MethodOptions<FixMatch.Options>().ConfThresh);
    }

    [Theory]
    [InlineData("train.epoch=3", "unknown key 'train.epoch' in --set train.epoch=3; did you mean 'epochs'?")]
    [InlineData("train.epochs=three", "'train.epochs' in --set train.epochs=three: expected an integer, got 'three'")]
    [InlineData("train.epochs", "--set train.epochs: expected key.path=value")]
    [InlineData("train.epochs=[1, 2", "--set train.epochs=[1, 2: invalid YAML")]
    [InlineData("algorithm=fixmach", "did you mean 'fixmatch'?")]
    public void Should_Name_The_Set_Option_When_It_Is_Wrong(string assignment, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(ShippedBase(), null, new CliOverrides { Set = [assignment] }));

        Assert.Contains(expected, error.Message);
        Assert.Null(error.FilePath);
    }

    [Fact]
    public void Should_Report_Unknown_Key_With_Path_File_Line_And_Suggestion()
    {
        string text = FlatShippedConfig.Text("resnet18", "fixmatch").Replace("  warmup_epochs: 10", "  warmup_epoch: 10");
        int line = text.Split('\n').ToList().FindIndex(l => l.Contains("warmup_epoch:")) + 1;

        var error = LoadFails(text);

        Assert.StartsWith($"unknown key 'train.warmup_epoch' in {_tmp.File("configs/x.yaml")} line {line}; did you mean 'warmup_epochs'?", error.Message);
        Assert.Contains("valid keys under 'train': epochs, warmup_epochs, accum_iter", error.Message);
        Assert.Equal(("train.warmup_epoch", line), (error.KeyPath, error.Line!.Value));
        Assert.Equal(_tmp.File("configs/x.yaml"), error.FilePath);
    }

    [Fact]
    public void Should_Report_The_Override_File_When_The_Override_Has_The_Bad_Value()
    {
        string overridePath = Write("configs/over.yaml", "exp_name: a\ntrain:\n  epochs: many\n");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(ShippedBase(), overridePath, CliOverrides.None));

        Assert.Equal($"'train.epochs' in {overridePath} line 3: expected an integer, got 'many'", error.Message);
    }

    [Fact]
    public void Should_Accept_The_Original_Typo_And_Reject_Both_Spellings_Together()
    {
        string reco = FlatShippedConfig.Text("resnet18", "reco");

        var typo = ConfigLoader.Load(Write("configs/typo.yaml", reco.Replace("easy_conf_thresh: 0.65", "eash_conf_thresh: 0.6")));
        var both = LoadFails(reco.Replace("easy_conf_thresh: 0.65", "easy_conf_thresh: 0.65\n  eash_conf_thresh: 0.6"));

        Assert.Equal(0.6, typo.Config.MethodOptions<ReCo.Options>().EasyConfThresh);
        Assert.Equal("train.eash_conf_thresh", both.KeyPath);
        Assert.Contains("'train.easy_conf_thresh'", both.Message);
        Assert.Contains("two spellings of the same key 'easy_conf_thresh'", both.Message);
    }

    [Theory]
    [InlineData("train.epochs=0", "'train.epochs' in --set train.epochs=0: must be at least 1, got '0'")]
    [InlineData("train.warmup_epochs=101", "'train.warmup_epochs' in --set train.warmup_epochs=101: must be between 0 and train.epochs (100), got '101'")]
    [InlineData("train.epochs=5", "'train.warmup_epochs' in ")]
    [InlineData("train.conf_thresh=1.5", "must be between 0 and 1, got '1.5'")]
    [InlineData("dataloader.batch_size=0", "'dataloader.batch_size' in --set dataloader.batch_size=0: must be at least 1")]
    [InlineData("algorithm=ssl", "'algorithm' in --set algorithm=ssl: expected one of: base, mean_teacher, fixmatch, cps, reco, stpp, unimatch")]
    [InlineData("algorithm=reco", "'use_latent_projection'")]
    [InlineData("dataset.train_unlabeled_csv=null", "'dataset.train_unlabeled_csv' in --set dataset.train_unlabeled_csv=null: is required for algorithm 'fixmatch'")]
    [InlineData("dataset.test_csv=", "is required when the config has a 'test' block")]
    [InlineData("train.lr=null", "train.lr or train.blr must be set")]
    [InlineData("train.optimizer_kwargs.betas=[0.9]", "must be two numbers in [0, 1)")]
    [InlineData("mode=finetune", "'pretrained_backbone' in ")]
    [InlineData("device=gpu", "expected one of: cpu, cuda, got 'gpu'")]
    [InlineData("train.conf_thresh=.nan", "must be between 0 and 1, got '.nan'")]
    public void Should_Validate_Ranges_And_Cross_Field_Rules(string assignment, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(ShippedBase(), null, new CliOverrides { Set = [assignment] }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Should_Say_When_A_Failing_Value_Is_A_Default()
    {
        var error = LoadFails(FlatShippedConfig.Text("resnet18", "fixmatch").Replace("  warmup_epochs: 10\n", "").Replace("  epochs: 100", "  epochs: 4"));

        Assert.Equal("train.warmup_epochs", error.KeyPath);
        Assert.Contains("must be between 0 and train.epochs (4) (the value is the built-in default; set it explicitly)", error.Message);
    }

    [Fact]
    public void Should_Explain_That_An_Override_Cannot_Switch_The_Backbone_By_Merging()
    {
        string overridePath = Write("configs/vit.yaml", "backbone:\n  vit_tiny: {seq_len: 2500}\n");

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(ShippedBase(), overridePath, CliOverrides.None));

        Assert.Equal("backbone", error.KeyPath);
        Assert.Contains("got a mapping with keys resnet18, vit_tiny (an override merges into the base's mapping", error.Message);
    }

    [Fact]
    public void Should_Report_Missing_Required_Sections()
    {
        var error = LoadFails("output_dir: runs\nalgorithm: base\n");

        Assert.Contains("missing required key 'backbone'", error.Message);
    }

    [Fact]
    public void Should_Round_Trip_A_Loaded_Config_Through_Yaml()
    {
        // Given
        var loaded = ConfigLoader.Load(ShippedBase("reco"), Path.Combine(SharedData.RepoRoot, "configs/bench/qtdb/1over4.yaml"),
            new CliOverrides { Seed = 2, Set = ["train.epochs=3", "train.warmup_epochs=1"] });

        // When
        string path = _tmp.File("run/config.yaml");
        ConfigWriter.Save(path, loaded.Node);
        var back = ConfigLoader.FromNode(ConfigReader.ReadFile(path));

        // Then
        Assert.True(loaded.Node.ContentEquals(back.Node));
        Assert.Equal(ConfigWriter.ToYaml(loaded.Node), ConfigWriter.ToYaml(back.Node));
        var kwargs = new OptimizerKwargs(); // list-valued members compare by reference, so pin them to one instance
        Assert.Equal(loaded.Config.Train with { OptimizerKwargs = kwargs, AuxiliaryLossWeight = null },
            back.Config.Train with { OptimizerKwargs = kwargs, AuxiliaryLossWeight = null });
        Assert.Equal(loaded.Config.Train.OptimizerKwargs.Betas, back.Config.Train.OptimizerKwargs.Betas);
        Assert.Equal(loaded.Config.Dataset with { Filter = null, Augmentations = null, StrongAugmentations = null, Transforms = null },
            back.Config.Dataset with { Filter = null, Augmentations = null, StrongAugmentations = null, Transforms = null });
        Assert.Equal((2, 3, "qtdb/1over4"), (back.Config.Seed, back.Config.Train.Epochs, back.Config.ExpName));
    }
}
