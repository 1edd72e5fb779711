using SemiSegEcg.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace SemiSegEcg.Optimization;

/// <summary>
/// AdamW with TorchSharp 0.107's state layout and update, but no temporary Scalars: TorchSharp's own step makes about
/// eight per parameter tensor per step (≈500 per ResNet-18 step), each one a chance for the finalizer to free a number
/// that libtorch is still reading (see <see cref="LongLivedScalars"/>). Here the config numbers (betas, eps) are
/// <see cref="LongLivedScalars"/>, and the numbers that change with the learning rate or the step count are held in one
/// <see cref="HeldScalars"/> until the step ends; equal numbers (the same group, the same step count) share one.
/// </summary>
/// <remarks>
/// The update is PyTorch 1.13's single-tensor AdamW, operation for operation as TorchSharp's (so results are
/// bit-identical, which a test checks): <c>p ← p·(1 − lr·wd)</c>; <c>m ← β1·m + (1 − β1)·g</c>;
/// <c>v ← β2·v + (1 − β2)·g²</c>; <c>p ← p − lr/(1 − β1^t) · m / (√v/√(1 − β2^t) + eps)</c>, with a per-parameter step
/// count t. The class keeps TorchSharp's name, parameter groups, per-parameter state and binary state format (the
/// format starts with the optimizer's type name, "AdamW"), so checkpoints written before it load unchanged.
/// AMSGrad, maximize and closures are not supported.
/// </remarks>
public sealed class AdamW : TorchSharp.Modules.AdamW
{
    public AdamW(IEnumerable<ParamGroup> groups, double learningRate, double beta1, double beta2, double eps)
        : base(groups, learningRate, beta1, beta2, eps)
    {
        foreach (var group in _parameter_groups)
        {
            var options = (Options)group.Options;
            if (options.amsgrad == true || options.maximize == true)
                throw new ArgumentException("AdamW: amsgrad and maximize are not supported", nameof(groups));
        }
    }

    public override Tensor step(Func<Tensor>? closure = null)
    {
        if (closure is not null) throw new NotSupportedException("AdamW.step takes no closure");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var scalars = new HeldScalars();
        foreach (var group in _parameter_groups)
        {
            var options = (Options)group.Options;
            double lr = options.LearningRate!.Value, beta1 = options.beta1!.Value, beta2 = options.beta2!.Value;
            var decay = scalars.Of(1 - lr * options.weight_decay!.Value);
            // Config values: held for the run (and beyond), so the step only makes Scalars of what changes.
            var eps = LongLivedScalars.Of(options.eps!.Value);
            var beta1Scalar = LongLivedScalars.Of(beta1);
            var beta2Scalar = LongLivedScalars.Of(beta2);
            var gradientWeight = LongLivedScalars.Of(1 - beta1);
            var squareWeight = LongLivedScalars.Of(1 - beta2);
            foreach (var parameter in group.Parameters)
            {
                var gradient = parameter.grad;
                if (gradient is null) continue;
                var state = (State)_state[parameter.Handle];
                state.step += 1;
                double biasCorrection1 = 1 - Math.Pow(beta1, state.step);
                double biasCorrection2 = 1 - Math.Pow(beta2, state.step);

                parameter.mul_(decay);
                state.exp_avg.mul_(beta1Scalar).add_(gradient, alpha: gradientWeight);
                state.exp_avg_sq.mul_(beta2Scalar).addcmul_(gradient, gradient, value: squareWeight);
                var denominator = state.exp_avg_sq.sqrt().div(scalars.Of(Math.Sqrt(biasCorrection2))).add_(eps, alpha: LongLivedScalars.One);
                parameter.addcdiv_(state.exp_avg, denominator, value: scalars.Of(-(lr / biasCorrection1)));
            }
        }
        return null!;
    }
}
