using System.Collections.Concurrent;
using TorchSharp;

namespace SemiSegEcg.Tensors;

/// <summary>
/// Scalars that live as long as the process, for every number that a per-step path hands to libtorch.
/// TorchSharp turns a plain number argument — and the implicit <c>alpha = 1</c> of <c>Tensor.add(Tensor)</c> and tensor
/// <c>+</c> — into a temporary native <see cref="Scalar"/> that nothing references once its handle is
/// passed on, so the GC's finalizer thread can free it while libtorch is still reading it: after hours of training
/// this crashed a CPS run with "Expected false to be true … toFloat at Scalar.h" inside a residual add.
/// Per-step code therefore takes its numbers from here (or from a <see cref="HeldScalars"/> for values that change
/// every step); a test over the compiled code fails on any other Scalar a per-step path creates.
/// </summary>
/// <remarks>
/// Each distinct value is created once and kept: only constants and config values belong here (thresholds, loss
/// weights), never per-step values such as a learning rate. Integral and floating-point values are kept apart,
/// since a Scalar's type takes part in type promotion (an int64 tensor clamped with 1.0 would become float).
/// Scalars are not tracked by dispose scopes, so asking for one inside a scope is safe.
/// </remarks>
public static class LongLivedScalars
{
    private static readonly ConcurrentDictionary<long, Scalar> Integral = new();
    private static readonly ConcurrentDictionary<double, Scalar> Floating = new();

    public static readonly Scalar One = Of(1);
    public static readonly Scalar Two = Of(2);

    /// <summary>The process-lifetime int64 Scalar of <paramref name="value"/>.</summary>
    public static Scalar Of(long value) => Integral.GetOrAdd(value, v => v.ToScalar());

    /// <summary>The process-lifetime float64 Scalar of <paramref name="value"/>.</summary>
    public static Scalar Of(double value) => Floating.GetOrAdd(value, v => v.ToScalar());
}
