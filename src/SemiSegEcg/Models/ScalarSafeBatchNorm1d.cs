using SemiSegEcg.Tensors;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Models;

/// <summary>
/// <c>BatchNorm1d</c> with TorchSharp's parameters, buffers, initialisation and state-dict keys (<c>weight</c>,
/// <c>bias</c>, <c>running_mean</c>, <c>running_var</c>, <c>num_batches_tracked</c>) and PyTorch's forward, but without
/// the two temporary Scalars that TorchSharp 0.107's forward makes for <c>num_batches_tracked.add_(1)</c> on every
/// training call (see <see cref="LongLivedScalars"/>): 42 per ResNet-18 + FCN forward.
/// </summary>
public sealed class ScalarSafeBatchNorm1d : BatchNorm
{
    public ScalarSafeBatchNorm1d(long features, double eps = 1e-5, double momentum = 0.1)
        : base(features, eps, momentum, affine: true, track_running_stats: true, device: null, dtype: null, name: "BatchNorm1d")
    {
    }

    public override Tensor forward(Tensor input)
    {
        ValidateInputDimensions(input);
        double averagingFactor = momentum ?? 0.0;
        if (training && track_running_stats && num_batches_tracked is { } batches)
        {
            batches.add_(LongLivedScalars.One, LongLivedScalars.One);
            if (momentum is null) averagingFactor = 1.0 / batches.item<long>();
        }
        bool useBatchStatistics = training || (running_mean is null && running_var is null);
        bool useRunningBuffers = !training || track_running_stats;
        return F.batch_norm(input, useRunningBuffers ? running_mean : null, useRunningBuffers ? running_var : null,
            weight, bias, useBatchStatistics, averagingFactor, eps);
    }

    protected override void ValidateInputDimensions(Tensor input)
    {
        if (input.ndim is not (2 or 3))
            throw new ArgumentException($"BatchNorm1d expects (N, C) or (N, C, L) input, got {input.ndim} dimensions");
    }
}
