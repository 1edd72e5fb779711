using System.Buffers.Binary;
using static TorchSharp.torch;

namespace SemiSegEcg.Training.Checkpoints;

/// <summary>
/// Checks a saved CPU generator state in managed code before libtorch sees it: libtorch validates the Mersenne-Twister
/// fields itself, but a bad state aborts the whole process ("Invalid mt19937 state") instead of raising an error.
/// </summary>
/// <remarks>
/// The state is libtorch's <c>CPUGeneratorImplState</c>, x86-64/ARM64 layout: <c>uint64 seed</c> @0, <c>int32 left</c>
/// @8, <c>int32 seeded</c> @12, <c>uint64 next</c> @16, <c>uint64 state[624]</c> @24, normal-sampling cache from @5016;
/// 5,056 bytes in all. libtorch accepts it when seeded ≠ 0, 1 ≤ left ≤ 624 and next ≤ 624.
/// </remarks>
public static class TorchGeneratorState
{
    private const int MersenneStateWords = 624;

    /// <summary>The byte length of this libtorch's CPU generator state.</summary>
    public static int ExpectedLength { get; } = CurrentLength();

    /// <exception cref="InvalidDataException">The bytes cannot be a CPU generator state of this libtorch.</exception>
    public static void Validate(ReadOnlySpan<byte> state, string source)
    {
        if (state.Length != ExpectedLength)
            throw new InvalidDataException($"{source}: generator state has {state.Length} bytes, expected {ExpectedLength}");
        int left = BinaryPrimitives.ReadInt32LittleEndian(state[8..]);
        int seeded = BinaryPrimitives.ReadInt32LittleEndian(state[12..]);
        uint next = (uint)BinaryPrimitives.ReadUInt64LittleEndian(state[16..]);
        if (seeded == 0 || left < 1 || left > MersenneStateWords || next > MersenneStateWords)
            throw new InvalidDataException($"{source}: not a valid Mersenne-Twister state (seeded {seeded}, left {left}, next {next})");
    }

    private static int CurrentLength()
    {
        using var state = random.get_rng_state();
        return (int)state.numel();
    }
}
