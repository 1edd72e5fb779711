using SemiSegEcg.Tensors;
using static TorchSharp.torch;

namespace SemiSegEcg.Optimization;

/// <summary>
/// SGD with momentum with TorchSharp 0.107's state layout and update, but no temporary Scalars (TorchSharp's own step
/// makes two per parameter tensor per step; see <see cref="LongLivedScalars"/>). The config numbers (momentum,
/// dampening, weight decay) are <see cref="LongLivedScalars"/>; the learning rate is held in one
/// <see cref="HeldScalars"/> until the step ends.
/// </summary>
/// <remarks>
/// PyTorch's update, operation for operation as TorchSharp's: <c>g ← g + wd·p</c>; <c>b ← g</c> on the first step,
/// then <c>b ← μ·b + (1 − dampening)·g</c>; <c>g ← g + μ·b</c> (Nesterov) or <c>g ← b</c>; <c>p ← p − lr·g</c>.
/// The class keeps TorchSharp's name and binary state format ("SGD"), so earlier checkpoints load. Maximize and
/// closures are not supported.
/// </remarks>
public sealed class SGD : TorchSharp.Modules.SGD
{
    public SGD(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate, double momentum, double weightDecay)
        : base(parameters, learningRate, momentum, weight_decay: weightDecay)
    {
    }

    public override Tensor step(Func<Tensor>? closure = null)
    {
        if (closure is not null) throw new NotSupportedException("SGD.step takes no closure");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var scalars = new HeldScalars();
        foreach (var group in _parameter_groups)
        {
            var options = (Options)group.Options;
            double momentum = options.momentum!.Value, weightDecay = options.weight_decay!.Value;
            if (options.maximize == true) throw new NotSupportedException("SGD: maximize is not supported");
            foreach (var parameter in group.Parameters)
            {
                var gradient = parameter.grad;
                if (gradient is null) continue;
                var state = (State)_state[parameter.Handle];
                if (weightDecay != 0) gradient = gradient.add(parameter, alpha: LongLivedScalars.Of(weightDecay));
                if (momentum != 0)
                {
                    var buffer = state.momentum_buffer;
                    if (buffer is null)
                    {
                        buffer = gradient.clone().detach().DetachFromDisposeScope();
                        state.momentum_buffer = buffer;
                    }
                    else
                    {
                        buffer.mul_(LongLivedScalars.Of(momentum)).add_(gradient, alpha: LongLivedScalars.Of(1 - options.dampening!.Value));
                    }
                    gradient = options.nesterov == true ? gradient.add(buffer, alpha: LongLivedScalars.Of(momentum)) : buffer;
                }
                parameter.add_(gradient, alpha: scalars.Of(-options.LearningRate!.Value));
            }
        }
        return null!;
    }
}
