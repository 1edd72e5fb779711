using TorchSharp;

namespace SemiSegEcg.Tensors;

/// <summary>
/// Scalars for values that change every step (a learning rate, a bias correction), referenced here until
/// <see cref="Dispose"/> so the finalizer cannot free one while libtorch reads it (see <see cref="LongLivedScalars"/>).
/// Create one per step with <c>using</c>; equal values share one Scalar.
/// </summary>
public sealed class HeldScalars : IDisposable
{
    private readonly Dictionary<double, Scalar> _held = [];
    private bool _disposed;

    /// <summary>A float64 Scalar of <paramref name="value"/>, valid until this object is disposed.</summary>
    public Scalar Of(double value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_held.TryGetValue(value, out var scalar))
        {
            scalar = value.ToScalar();
            _held.Add(value, scalar);
        }
        return scalar;
    }

    public void Dispose()
    {
        foreach (var scalar in _held.Values) scalar.Dispose();
        _held.Clear();
        _disposed = true;
    }
}
