using System.Collections;
using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Models;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Experiments;

/// <summary><c>mode</c> / <c>pretrained_backbone</c> and <c>freeze_backbone</c>: what the networks a run trains start from and which of their weights train.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class TrainableNetworksTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string ShippedScratch => Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", "scratch.yaml");

    private static LoadedConfig Config(params string[] set) => ConfigLoader.Load(ShippedScratch, null, new CliOverrides { Set = set });

    [Theory]
    [InlineData("our checkpoint")]
    [InlineData("original checkpoint dict")]
    [InlineData("bare backbone state dict")]
    public void Should_Start_The_Backbone_From_The_Pretrained_File_And_The_Head_From_A_Fresh_Init(string form)
    {
        random.manual_seed(1);
        using var source = ExperimentModels.Create(Config().Config);
        string path = Write(source, form);
        var messages = new List<string>();
        using var networks = TrainableNetworks.Create(Config("mode=finetune", $"pretrained_backbone={path}"), messages.Add);

        random.manual_seed(2);
        using var model = networks.New();

        var loaded = model.state_dict();
        foreach (var (key, value) in source.state_dict())
        {
            bool same = value.equal(loaded[key]).all().item<bool>();
            if (key.StartsWith("backbone.", StringComparison.Ordinal)) Assert.True(same, $"{key} was not loaded");
            else if (value.dim() > 1) Assert.False(same, $"{key} of the head was loaded too");
        }
        string message = Assert.Single(messages);
        int tensors = source.Backbone.state_dict().Count;
        Assert.StartsWith($"pretrained_backbone: loaded {tensors} of the backbone's {tensors} tensors from {path}", message);
        Assert.Contains("the decode head is freshly initialised", message);
    }

    [Fact]
    public void Should_Name_The_Config_File_The_Key_And_The_Missing_Pretrained_File()
    {
        string missing = _tmp.File("absent.ckpt");
        string configPath = WriteConfig($"mode: finetune\npretrained_backbone: {missing}\n");
        int line = File.ReadAllLines(configPath).ToList().FindIndex(l => l.StartsWith("pretrained_backbone:", StringComparison.Ordinal)) + 1;

        var error = Assert.Throws<ConfigException>(() => TrainableNetworks.Create(ConfigLoader.Load(configPath), _ => { }));

        Assert.Equal((configPath, "pretrained_backbone"), (error.FilePath, error.KeyPath));
        Assert.Equal($"'pretrained_backbone' in {configPath} line {line}: {missing}: file not found", error.Message);
    }

    [Theory]
    // Only the head: nothing for the backbone.
    [InlineData("decode_head.", true, "no backbone tensors: none of its")]
    // All but layer4: 2 blocks × (2 convs + 2 BN × 2) + downsample conv + BN × 2 = 15 of the backbone's 60 parameter tensors.
    [InlineData("backbone.layer4.", false, "refusing a partial load: 'backbone' would keep 15 of its 60 parameter tensors as initialised (backbone.layer4.")]
    public void Should_Refuse_A_File_Without_Every_Backbone_Parameter_Naming_The_File_And_The_Key(string prefix, bool keepPrefix, string expected)
    {
        random.manual_seed(1);
        using var source = ExperimentModels.Create(Config().Config);
        var state = new Hashtable();
        foreach (var (key, value) in source.state_dict().Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) == keepPrefix)) state[key] = value;
        string path = _tmp.File("partial.pth");
        using (var stream = File.Create(path)) PyTorchPickler.PickleStateDict(stream, state);
        string configPath = WriteConfig($"mode: finetune\npretrained_backbone: {path}\n");
        using var networks = TrainableNetworks.Create(ConfigLoader.Load(configPath), _ => { });

        var error = Assert.Throws<ConfigException>(() => networks.New());

        Assert.Equal((configPath, "pretrained_backbone"), (error.FilePath, error.KeyPath));
        Assert.Contains($"{path}: {expected}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Should_Train_The_Head_And_Leave_A_Frozen_Backbone_Unchanged()
    {
        var messages = new List<string>();
        using var networks = TrainableNetworks.Create(Config("freeze_backbone=true"), messages.Add);
        random.manual_seed(0);
        using var method = new Supervised(networks.New());
        var model = method.EvaluationModel;
        var optimizer = GroupedOptimizer.Create(model, new TrainerSettings());
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        model.train();

        StepExecutor.Run(method, [optimizer], SyntheticStepBatches.Create(method.DataNeeds), new StepContext(1, 0, 10, 10), lr: 1e-3);

        foreach (var (name, parameter) in model.named_parameters())
        {
            bool same = before[name].equal(parameter).all().item<bool>();
            if (name.StartsWith("backbone.", StringComparison.Ordinal)) Assert.True(same && !parameter.requires_grad, $"{name} trained");
            else if (parameter.dim() > 1) Assert.False(same, $"{name} of the head did not train");
        }
        Assert.Equal(model.DecodeHead.parameters().Count(), ParameterGroupBuilder.Build(model, 0.05, null).Single().Parameters.Count);
        Assert.Equal("freeze_backbone: the backbone's 3,843,904 parameters are frozen (not trained, not in the optimizer); 197,380 of 4,041,284 train",
            Assert.Single(messages));
        optimizer.Dispose();
    }

    private string Write(EncoderDecoder source, string form)
    {
        switch (form)
        {
            case "our checkpoint":
            {
                string path = _tmp.File("source.ckpt");
                var meta = new CheckpointMetadata(CheckpointMetadata.CurrentFormat, "base", 0, new Dictionary<string, double> { ["loss"] = 1, ["MeanIoU"] = 0 },
                    1, 0, ["model"], 0, null, DateTimeOffset.UtcNow);
                CheckpointStore.Save(path, meta, "algorithm: base\n", [("model", source)], [], weightsOnly: true);
                return path;
            }
            case "original checkpoint dict":
            {
                string path = _tmp.File("best-MeanIoU.pth");
                var state = new Hashtable();
                foreach (var (key, value) in source.state_dict()) state[key] = value;
                using var stream = File.Create(path);
                PyTorchPickler.PickleStateDict(stream, new Hashtable { ["model"] = state, ["epoch"] = 3 });
                return path;
            }
            default:
            {
                string path = _tmp.File("backbone.pth");
                source.Backbone.save_py(path);
                return path;
            }
        }
    }

    /// <summary>The shipped scratch config with <paramref name="topLevel"/> in place of its mode and pretrained_backbone lines.</summary>
    private string WriteConfig(string topLevel)
    {
        string text = FlatShippedConfig.Text("resnet18", "scratch");
        const string shipped = "mode: scratch\npretrained_backbone: null\n";
        Assert.Contains(shipped, text);
        string path = _tmp.File("finetune.yaml");
        File.WriteAllText(path, text.Replace(shipped, topLevel));
        return path;
    }
}
