using static TorchSharp.torch;

namespace SemiSegEcg.Models;

/// <summary>Element counts of a module's parameters and buffers (e.g. ResNet-18 + FCN: 4,041,284 trainable, 9,877 buffer elements).</summary>
public sealed record ParameterCounts(long Trainable, long Frozen, long BufferElements)
{
    public long TotalParameters => Trainable + Frozen;

    public static ParameterCounts Of(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        long trainable = 0, frozen = 0;
        foreach (var parameter in module.parameters())
        {
            if (parameter.requires_grad) trainable += parameter.numel();
            else frozen += parameter.numel();
        }
        long buffers = module.buffers().Sum(b => b.numel());
        return new ParameterCounts(trainable, frozen, buffers);
    }
}
