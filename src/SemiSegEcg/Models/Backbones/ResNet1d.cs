using SemiSegEcg.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// The reference 1-D ResNet (BasicBlock variants: ResNet-18 and ResNet-34).
/// Stem Conv1d(leads→stem, k7, s2, p3) → BN → ReLU, then MaxPool1d(3, 2, 1), then <c>num_stages</c> stages of
/// basic blocks with widths <c>base·2^i</c>. For T = 2500 the stage outputs have lengths 625 / 313 / 157 / 79.
/// </summary>
/// <remarks>
/// State-dict keys mirror the reference: <c>stem.0.weight</c>, <c>stem.1.*</c>, <c>layer{i}.{j}.conv1.weight</c>,
/// <c>layer{i}.{j}.downsample.{0,1}.*</c>. Initialisation follows the reference: every convolution
/// ~ N(0, sqrt(2 / (k · out_channels))), BatchNorm γ = 1, β = 0.
/// </remarks>
public sealed class ResNet1d : BackboneBase
{
    /// <summary>The catalog entry of <c>backbone: {resnet18: {...}}</c>, the benchmark's ResNet.</summary>
    public static BackboneEntry ResNet18 { get; } = BackboneEntry.Of<ResNetOptions>("resnet18", "ResNet-18", options => new ResNet1d(18, options));

    /// <summary>The catalog entry of <c>resnet34</c>: built from a config that names it, never trained by the benchmark.</summary>
    public static BackboneEntry ResNet34 { get; } =
        BackboneEntry.Of<ResNetOptions>("resnet34", "ResNet-34", options => new ResNet1d(34, options), shipped: false);

    private readonly Sequential stem;
    private readonly MaxPool1d maxpool;

    // Registered by hand as layer1..layerN (the count depends on num_stages), so kept out of RegisterComponents.
    private readonly Sequential[] _stages;
    private readonly int[] _outIndices;
    private readonly int[] _outChannels;
    private readonly int _stemChannels;
    private readonly int _numLeads;

    /// <param name="depth">18 or 34 (basic-block ResNets).</param>
    /// <param name="options">The reference keyword arguments; validated here.</param>
    public ResNet1d(int depth, ResNetOptions options) : base($"ResNet{depth}_1d")
    {
        ArgumentNullException.ThrowIfNull(options);
        int[] blocksPerStage = BlocksPerStage(depth);
        options.Validate();

        _stemChannels = options.StemChannels;
        _numLeads = options.NumLeads;
        stem = nn.Sequential(
            nn.Conv1d(options.NumLeads, options.StemChannels, kernel_size: 7, stride: 2, padding: 3, bias: false),
            new ScalarSafeBatchNorm1d(options.StemChannels),
            nn.ReLU());
        maxpool = nn.MaxPool1d(kernel_size: 3, stride: 2, padding: 1);
        RegisterComponents();

        _stages = new Sequential[options.NumStages];
        var stageChannels = new int[options.NumStages];
        int inChannels = options.StemChannels;
        for (int i = 0; i < options.NumStages; i++)
        {
            int planes = options.BaseChannels << i;
            var blocks = new List<nn.Module<Tensor, Tensor>>();
            for (int b = 0; b < blocksPerStage[i]; b++)
            {
                blocks.Add(new BasicBlock1d(inChannels, planes, b == 0 ? options.Strides[i] : 1));
                inChannels = planes * BasicBlock1d.Expansion;
            }
            _stages[i] = nn.Sequential(blocks);
            stageChannels[i] = inChannels;
            register_module($"layer{i + 1}", _stages[i]);
        }

        _outIndices = options.OutIndices.ToArray();
        _outChannels = _outIndices.Select(i => stageChannels[i]).ToArray();
        InitialiseWeights(options.ZeroInitResidual);
    }

    public override IReadOnlyList<int> OutChannels => _outChannels;

    public override int? StemChannels => _stemChannels;

    /// <summary>Basic blocks per stage for each supported depth.</summary>
    public static int[] BlocksPerStage(int depth) => depth switch
    {
        18 => [2, 2, 2, 2],
        34 => [3, 4, 6, 3],
        _ => throw new ArgumentException($"resnet depth {depth} is not supported; supported depths: 18, 34 (basic-block ResNets)", nameof(depth)),
    };

    /// <param name="input">Signal <c>(B, num_leads, T)</c>.</param>
    public override BackboneFeatures forward(Tensor input)
    {
        if (input.dim() != 3 || input.shape[1] != _numLeads)
            throw new ArgumentException($"ResNet1d expects input of shape (B, {_numLeads} leads, T); got ({string.Join(", ", input.shape)})", nameof(input));
        using var scope = NewDisposeScope();
        var stemOutput = stem.call(input);
        var x = maxpool.call(stemOutput);
        var outputs = new List<Tensor>(_outIndices.Length);
        int next = 0;
        for (int i = 0; i < _stages.Length && next < _outIndices.Length; i++)
        {
            x = _stages[i].call(x);
            if (_outIndices[next] == i)
            {
                outputs.Add(x.MoveToOuterDisposeScope());
                next++;
            }
        }
        return new BackboneFeatures(outputs, stemOutput.MoveToOuterDisposeScope());
    }

    private void InitialiseWeights(bool zeroInitResidual)
    {
        using var noGrad = no_grad();
        foreach (var (_, module) in named_modules())
        {
            switch (module)
            {
                case Conv1d conv:
                    long kernel = conv.weight!.shape[2];
                    long outChannels = conv.weight.shape[0];
                    nn.init.normal_(conv.weight, 0.0, Math.Sqrt(2.0 / (kernel * outChannels)));
                    break;
                case ScalarSafeBatchNorm1d norm:
                    nn.init.ones_(norm.weight!);
                    nn.init.zeros_(norm.bias!);
                    break;
            }
        }
        if (zeroInitResidual)
        {
            foreach (var block in modules().OfType<BasicBlock1d>())
            {
                nn.init.zeros_(block.LastNorm.weight!);
            }
        }
    }
}
