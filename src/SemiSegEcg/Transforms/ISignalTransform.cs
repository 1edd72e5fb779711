using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// One preprocessing step or augmentation (docs/reference/original-behaviour.md#transform-names). Implementations are immutable and thread-safe:
/// every random draw comes from the generator passed to <see cref="Apply"/>, so each worker, epoch and item can own a
/// seeded stream and a run is reproducible.
/// </summary>
public interface ISignalTransform
{
    /// <summary>
    /// True when the op moves samples in time or edits the mask (crops, resizes, flips in time, cutout, shift): the
    /// label is then transformed consistently with the signal. False means the label array is passed on untouched.
    /// </summary>
    bool ChangesLabel { get; }

    /// <summary>Returns the transformed view; never writes into <paramref name="view"/>'s arrays.</summary>
    EcgView Apply(EcgView view, SeededRandom random);
}
