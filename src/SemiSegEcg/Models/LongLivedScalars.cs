using TorchSharp;

namespace SemiSegEcg.Models;

/// <summary>
/// Scalars that live as long as the process. TorchSharp turns a plain number argument (e.g. the implicit
/// <c>alpha = 1</c> of <c>Tensor.add_(Tensor)</c>) into a temporary native <see cref="Scalar"/> that nothing references
/// once its handle is passed on, so the GC's finalizer thread can free it while libtorch is still reading it: after
/// hours of training this crashed a CPS run with "Expected false to be true … toFloat at Scalar.h" inside a residual
/// add (dotnet/TorchSharp PRs #1434 and #1496 address the temporaries). Hot paths pass one of these instead.
/// Scalars are not tracked by dispose scopes, so creating them inside one is safe.
/// </summary>
public static class LongLivedScalars
{
    public static readonly Scalar One = 1.ToScalar();
}
