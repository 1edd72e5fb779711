using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Models.Heads;

/// <summary>
/// A 1×1 head on level 0 that keeps copies of the last input signal and level 0 it was given, to check what
/// <c>EncoderDecoder</c> hands a head. The copies live outside dispose scopes and are freed with the head.
/// </summary>
internal sealed class InputRecordingHead(int channels = 8) : DecodeHeadBase(nameof(InputRecordingHead), channels, 4, 0.0, false)
{
    public Tensor? LastInput { get; private set; }

    public Tensor? LastLevel0 { get; private set; }

    public override IReadOnlyList<int> InputLevels { get; } = [0];

    public override void CheckCompatibility(IReadOnlyList<int> backboneOutChannels, int? backboneStemChannels)
    {
    }

    public override Tensor forward(BackboneFeatures features)
    {
        LastInput?.Dispose();
        LastLevel0?.Dispose();
        using (no_grad())
        {
            LastInput = features.Input?.clone().DetachFromDisposeScope();
            LastLevel0 = features.Stages[0].clone().DetachFromDisposeScope();
        }
        return ClassifySegments(Level(features, 0));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            LastInput?.Dispose();
            LastLevel0?.Dispose();
        }
        base.Dispose(disposing);
    }
}
