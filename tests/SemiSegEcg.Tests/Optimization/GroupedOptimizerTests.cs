using System.Text.Json;
using SemiSegEcg.Config;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Tests.Models.Backbones;
using SemiSegEcg.Training;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Tests.Optimization;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class GroupedOptimizerTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Apply_The_Scheduled_Learning_Rate_To_The_Actual_Update()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        using var model = ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions(), "FCNHead", new FcnHeadOptions()));
        using var optimizer = GroupedOptimizer.Create(model, new TrainerSettings { Lr = 1.0, WeightDecay = 0.0 });
        var weight = model.parameters().First();
        var before = weight.detach().clone();

        optimizer.SetLearningRate(0.01);
        optimizer.ZeroGrad();
        model.call(randn(2, 1, 2500)).Logits.sum().backward();
        optimizer.Step();

        // AdamW's first step moves every weight with a non-negligible gradient by ≈ lr.
        var moved = (weight.detach() - before).abs();
        Assert.Equal(0.01, moved.max().item<float>(), 3);
        Assert.All(optimizer.GroupLearningRates, lr => Assert.Equal(0.01, lr, 12));
    }

    [Fact]
    public void Should_Decay_Every_Parameter_By_Lr_Times_Weight_Decay_Like_The_Original()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        using var model = ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions(), "FCNHead", new FcnHeadOptions()));
        using var optimizer = GroupedOptimizer.Create(model, new TrainerSettings { Lr = 0.1, WeightDecay = 0.05 });
        var bias = model.named_parameters().Single(p => p.name == "decode_head.cls_seg.bias").parameter;
        using (no_grad()) bias.fill_(1.0);

        optimizer.SetLearningRate(0.1);
        foreach (var p in model.parameters()) p.grad = zeros_like(p);
        optimizer.Step();

        Assert.Equal(1.0 * (1 - 0.1 * 0.05), bias[0].item<float>(), 5);
    }

    [Fact]
    public void Should_Build_Sgd_From_The_Settings_And_Refuse_It_Layer_Decay()
    {
        using var scope = NewDisposeScope();
        using var tmp = new TempDirectory();
        random.manual_seed(0);
        using var model = SmallVitFcn();
        var settings = new TrainerSettings { Optimizer = OptimizerKind.Sgd, Lr = 0.1, Momentum = 0, WeightDecay = 0 };
        using var optimizer = GroupedOptimizer.Create(model, settings);
        var bias = model.named_parameters().Single(p => p.name == "decode_head.cls_seg.bias").parameter;
        var before = bias.detach().clone();

        optimizer.SetLearningRate(0.5);
        foreach (var p in model.parameters()) p.grad = ones_like(p);
        optimizer.Step();
        string path = tmp.File("sgd.bin");
        optimizer.SaveState(path);
        string header;
        using (var reader = new BinaryReader(File.OpenRead(path))) header = reader.ReadString();

        // Plain SGD without momentum or decay: p ← p − lr·g, with the scheduled lr, not the initial one.
        Assert.Equal(OptimizerKind.Sgd, optimizer.Kind);
        Assert.True((bias.detach() - (before - 0.5)).abs().max().item<float>() < 1e-7f);
        Assert.Equal("SGD", header);
        Assert.True(GroupedOptimizer.IsStateTypeName(header));
        var error = Assert.Throws<ArgumentException>(() => GroupedOptimizer.Create(model, settings with { LayerDecay = 0.75 }));
        Assert.Contains("layer_decay", error.Message);
    }

    [Fact]
    public void Should_Match_A_Hand_Computed_Two_Step_Update()
    {
        using var scope = NewDisposeScope();
        var p = new Parameter(tensor(new[] { 1.0f, -2.0f }));
        float[][] grads = [[0.5f, -1.0f], [0.1f, 0.3f]];
        const double lr = 0.1, wd = 0.05, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        using var optimizer = GroupedOptimizer.AdamW([Group("g", 1.0, wd, p)], lr);

        foreach (var g in grads)
        {
            p.grad = tensor(g);
            optimizer.Step();
        }

        // PyTorch 1.13 single-tensor AdamW, written out per element in double.
        double[] expected = [1.0, -2.0];
        for (int i = 0; i < 2; i++)
        {
            double m = 0, v = 0, x = expected[i];
            for (int t = 1; t <= 2; t++)
            {
                double g = grads[t - 1][i];
                x *= 1 - lr * wd;
                m = b1 * m + (1 - b1) * g;
                v = b2 * v + (1 - b2) * g * g;
                x -= lr / (1 - Math.Pow(b1, t)) * m / (Math.Sqrt(v) / Math.Sqrt(1 - Math.Pow(b2, t)) + eps);
            }
            expected[i] = x;
        }
        var actual = p.data<float>().ToArray();
        output.WriteLine($"after two steps: [{actual[0]:R}, {actual[1]:R}] vs hand [{expected[0]:R}, {expected[1]:R}]");
        Assert.Equal(expected[0], actual[0], 6);
        Assert.Equal(expected[1], actual[1], 6);
        // |Δp| ≈ lr per step for a consistent sign, so the two steps moved x[0] by about 0.2 (not weight decay alone).
        Assert.InRange(expected[0], 0.78, 0.82);
    }

    [Fact]
    public void Should_Match_PyTorch_AdamW_With_Two_Groups_A_Schedule_And_Late_Or_Missing_Gradients()
    {
        using var scope = NewDisposeScope();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(VitFixture.Directory, "adamw_pytorch.json")));
        var root = document.RootElement;
        var shapes = root.GetProperty("shapes").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.EnumerateArray().Select(v => v.GetInt64()).ToArray());
        var parameters = root.GetProperty("initial").EnumerateObject()
            .ToDictionary(e => e.Name, e => new Parameter(tensor(Floats(e.Value), shapes[e.Name])));
        var groups = root.GetProperty("groups").EnumerateArray().Select(g => new ParameterGroup(
                g.GetProperty("name").GetString()!, 0, g.GetProperty("lr_scale").GetDouble(), g.GetProperty("weight_decay").GetDouble(),
                g.GetProperty("parameters").EnumerateArray().Select(n => n.GetString()!).ToList(),
                g.GetProperty("parameters").EnumerateArray().Select(n => parameters[n.GetString()!]).ToList()))
            .ToList();
        var betas = root.GetProperty("betas").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        using var optimizer = GroupedOptimizer.AdamW(groups, steps[0].GetProperty("scheduled_lr").GetDouble(), betas[0], betas[1], root.GetProperty("eps").GetDouble());

        float worst = 0;
        foreach (var step in steps)
        {
            optimizer.SetLearningRate(step.GetProperty("scheduled_lr").GetDouble());
            optimizer.ZeroGrad();
            foreach (var grad in step.GetProperty("grads").EnumerateObject())
            {
                parameters[grad.Name].grad = tensor(Floats(grad.Value), shapes[grad.Name]);
            }
            optimizer.Step();
            foreach (var after in step.GetProperty("after").EnumerateObject())
            {
                var expected = tensor(Floats(after.Value), shapes[after.Name]);
                worst = Math.Max(worst, (parameters[after.Name] - expected).abs().max().item<float>());
            }
        }

        output.WriteLine($"max |Δ| vs PyTorch {root.GetProperty("torch_version").GetString()} over {steps.Count} steps: {worst:E3}");
        Assert.True(worst <= 1e-7f, $"max |Δ| {worst}");
        Assert.Null(parameters["unused"].grad);
        Assert.True(parameters["unused"].equal(tensor(Floats(root.GetProperty("initial").GetProperty("unused")))).all().item<bool>());
    }

    [Fact]
    public void Should_Leave_The_Unused_Final_Norm_Bitwise_Unchanged_While_Every_Other_Parameter_Moves()
    {
        foreach (double? layerDecay in new double?[] { null, 0.75 })
        {
            using var scope = NewDisposeScope();
            random.manual_seed(4);
            using var model = SmallVitFcn();
            var initial = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
            var groups = ParameterGroupBuilder.Build(model, weightDecay: 0.05, layerDecay);
            using var optimizer = GroupedOptimizer.AdamW(groups, learningRate: 1e-3);
            var x = randn(2, 1, 250);
            var target = randint(0, 4, [2, 250]);
            model.train();

            for (int step = 0; step < 3; step++)
            {
                using var stepScope = NewDisposeScope();
                optimizer.ZeroGrad();
                F.cross_entropy(model.call(x).Logits, target).backward();
                optimizer.Step();
            }

            foreach (var (name, parameter) in model.named_parameters())
            {
                bool same = parameter.equal(initial[name]).all().item<bool>();
                if (name.StartsWith("backbone.norm.", StringComparison.Ordinal))
                    Assert.True(same, $"layer_decay {layerDecay}: unused {name} changed");
                else
                    Assert.False(same, $"layer_decay {layerDecay}: {name} did not move");
            }
        }
    }

    [Fact]
    public void Should_Zero_Existing_Gradients_And_Keep_Missing_Ones_Null()
    {
        using var scope = NewDisposeScope();
        var used = new Parameter(ones(3));
        var unused = new Parameter(ones(3));
        using var optimizer = GroupedOptimizer.AdamW([Group("g", 1.0, 0.05, used, unused)], 1e-3);
        (used * 2).sum().backward();

        optimizer.ZeroGrad();

        Assert.NotNull(used.grad);
        Assert.Equal(0f, used.grad!.abs().max().item<float>());
        Assert.Null(unused.grad);
    }

    [Fact]
    public void Should_Set_Each_Group_Learning_Rate_To_Schedule_Times_Scale_And_Apply_It()
    {
        using var scope = NewDisposeScope();
        var a = new Parameter(zeros(1));
        var b = new Parameter(zeros(1));
        using var optimizer = GroupedOptimizer.AdamW([Group("a", 1.0, 0.0, a), Group("b", 0.25, 0.0, b)], learningRate: 0.0);

        optimizer.SetLearningRate(0.02);
        a.grad = ones(1);
        b.grad = ones(1);
        optimizer.Step();

        Assert.Equal(new[] { 0.02, 0.005 }, optimizer.GroupLearningRates);
        Assert.Equal(0.02, optimizer.ScheduledLearningRate);
        // First Adam step moves by lr · g/|g| (up to eps).
        Assert.Equal(-0.02f, a.item<float>(), 6);
        Assert.Equal(-0.005f, b.item<float>(), 6);
    }

    [Fact]
    public void Should_Continue_Identically_After_Saving_And_Loading_Its_State()
    {
        using var scope = NewDisposeScope();
        using var tmp = new TempDirectory();
        random.manual_seed(9);
        using var original = SmallVitFcn();
        using var restored = SmallVitFcn();
        restored.load_state_dict(original.state_dict());
        var x = randn(2, 1, 250);
        var target = randint(0, 4, [2, 250]);
        using var first = GroupedOptimizer.AdamW(ParameterGroupBuilder.Build(original, 0.05, 0.75), 1e-3);
        using var second = GroupedOptimizer.AdamW(ParameterGroupBuilder.Build(restored, 0.05, 0.75), 0.0);
        original.eval();
        restored.eval();

        for (int step = 0; step < 2; step++) Train(original, first, x, target);
        string path = tmp.File("optimizer.bin");
        first.SaveState(path);
        restored.load_state_dict(original.state_dict());
        second.LoadState(path);
        first.SetLearningRate(2e-3);
        second.SetLearningRate(2e-3);
        Train(original, first, x, target);
        Train(restored, second, x, target);

        var expected = original.state_dict();
        foreach (var (key, value) in restored.state_dict())
        {
            Assert.True(value.equal(expected[key]).all().item<bool>(), $"{key} differs after the resumed step");
        }
    }

    [Fact]
    public void Should_Name_The_File_When_The_State_Does_Not_Fit()
    {
        using var scope = NewDisposeScope();
        using var tmp = new TempDirectory();
        var p = new Parameter(zeros(2));
        var q = new Parameter(zeros(3));
        using var oneGroup = GroupedOptimizer.AdamW([Group("a", 1, 0, p)], 1e-3);
        using var twoGroups = GroupedOptimizer.AdamW([Group("a", 1, 0, p), Group("b", 1, 0, q)], 1e-3);
        string saved = tmp.File("one-group.bin");
        string garbage = tmp.File("garbage.bin");
        oneGroup.SaveState(saved);
        File.WriteAllBytes(garbage, [1, 2, 3]);

        var mismatch = Assert.Throws<InvalidDataException>(() => twoGroups.LoadState(saved));
        var truncated = Assert.Throws<InvalidDataException>(() => oneGroup.LoadState(garbage));

        Assert.StartsWith(saved, mismatch.Message);
        Assert.StartsWith(garbage, truncated.Message);
    }

    [Fact]
    public void Should_Reject_A_Parameter_In_Two_Groups_And_A_Negative_Learning_Rate()
    {
        using var scope = NewDisposeScope();
        var p = new Parameter(zeros(2));

        var twice = Assert.Throws<ArgumentException>(() => GroupedOptimizer.AdamW([Group("a", 1, 0, p), Group("b", 1, 0, p)], 1e-3));
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => GroupedOptimizer.AdamW([Group("a", 1, 0, p)], -1e-3));

        Assert.Contains("'b'", twice.Message);
        Assert.Equal("learningRate", negative.ParamName);
    }

    private static void Train(EncoderDecoder model, GroupedOptimizer optimizer, Tensor x, Tensor target)
    {
        using var scope = NewDisposeScope();
        optimizer.ZeroGrad();
        F.cross_entropy(model.call(x).Logits, target).backward();
        optimizer.Step();
    }

    // Dropout-free and small, so a few steps take milliseconds; two blocks, both returned, so every block trains.
    private static EncoderDecoder SmallVitFcn() =>
        ModelFactory.Create(new ModelSpec("vit_tiny",
            new VitOptions { SeqLen = 250, NumLayers = 2, EmbedDims = 16, NumHeads = 2, HeadDim = 8, OutIndices = [0, 1] },
            "FCNHead", new FcnHeadOptions { InChannels = 16, InIndex = 1, Channels = 8, DropoutRatio = 0 }));

    private static ParameterGroup Group(string name, double scale, double weightDecay, params Parameter[] parameters) =>
        new(name, 0, scale, weightDecay, parameters.Select((_, i) => $"{name}.{i}").ToList(), parameters);

    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
}
