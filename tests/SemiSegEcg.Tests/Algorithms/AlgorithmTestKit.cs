using SemiSegEcg.Algorithms;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Algorithms;

/// <summary>Small real-shaped inputs and fresh ResNet-18 + FCN networks for algorithm unit tests.</summary>
internal static class AlgorithmTestKit
{
    public const int Length = 2500;

    public static EncoderDecoder NewModel(bool latent = false, double headDropout = 0.1) =>
        ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions(), "FCNHead", new FcnHeadOptions { DropoutRatio = headDropout }, 4, latent, 512, 128));

    /// <summary>Labeled batch of 2 with a plausible mask, unlabeled weak view, and <paramref name="strongViews"/> strong views.</summary>
    public static StepInput Input(long seed, int strongViews = 1, int batch = 2)
    {
        var generator = new Generator((ulong)seed);
        var labeled = randn([batch, 1, Length], generator: generator);
        var masks = zeros([batch, Length], ScalarType.Int64);
        masks[.., 100..160] = 1;
        masks[.., 200..250] = 2;
        masks[.., 400..600] = 3;
        var weak = randn([batch, 1, Length], generator: generator);
        var strong = Enumerable.Range(0, strongViews).Select(_ => weak + 0.5f * randn([batch, 1, Length], generator: generator)).ToList();
        return new StepInput(labeled, masks, weak, strong);
    }

    /// <summary>The same labeled batch with a different unlabeled batch.</summary>
    public static StepInput WithOtherUnlabeled(StepInput input, long seed)
    {
        var other = Input(seed, input.UnlabeledStrong.Count, (int)input.Labeled.shape[0]);
        return input with { UnlabeledWeak = other.UnlabeledWeak, UnlabeledStrong = other.UnlabeledStrong };
    }

    public static double Scalar(StepResult result, string name) => result.Logs.Single(l => l.Name == name).Value.item<float>();

    public static StepContext Context => new(0, 0, 10, 0);
}
