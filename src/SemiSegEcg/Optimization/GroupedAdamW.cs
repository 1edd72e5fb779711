using System.Globalization;
using static TorchSharp.torch;

namespace SemiSegEcg.Optimization;

/// <summary>
/// AdamW over <see cref="ParameterGroup"/>s with a per-group learning-rate scale (layer-wise LR decay).
/// Wraps <see cref="AdamW"/> (TorchSharp 0.107's update and state format without temporary Scalars), which has
/// PyTorch 1.13's single-tensor semantics:
/// <c>p ← p·(1 − lr·wd)</c>; <c>m ← β1·m + (1 − β1)·g</c>; <c>v ← β2·v + (1 − β2)·g²</c>;
/// <c>p ← p − lr/(1 − β1^t) · m / (√v/√(1 − β2^t) + eps)</c>, with a per-parameter step count t.
/// </summary>
/// <remarks>
/// A parameter whose gradient is null (e.g. the ViT's unused final LayerNorm) is skipped entirely, as PyTorch does:
/// no weight decay, no moment update, its t does not advance. <see cref="ZeroGrad"/> zeroes existing gradients and
/// leaves null ones null (PyTorch's <c>set_to_none=False</c>, the default of the reference's torch 1.11).
/// Note that TorchSharp's factory <c>torch.optim.AdamW(...)</c> defaults β2 to 0.99, unlike PyTorch's 0.999; this
/// class always passes both betas explicitly.
/// </remarks>
public sealed class GroupedAdamW : IDisposable
{
    private readonly AdamW _optimizer;
    private readonly TorchSharp.Modules.AdamW.ParamGroup[] _torchGroups;

    /// <param name="groups">Parameter groups, e.g. from <see cref="ParameterGroupBuilder.Build"/>.</param>
    /// <param name="learningRate">Initial scheduled learning rate (each group gets it times its scale).</param>
    /// <param name="beta1">First-moment decay (<c>optimizer_kwargs.betas[0]</c>, 0.9).</param>
    /// <param name="beta2">Second-moment decay (<c>optimizer_kwargs.betas[1]</c>, 0.999).</param>
    /// <param name="eps">Denominator term (<c>optimizer_kwargs.eps</c>, 1e-8).</param>
    public GroupedAdamW(IReadOnlyList<ParameterGroup> groups, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0) throw new ArgumentException("AdamW needs at least one parameter group", nameof(groups));
        CheckLearningRate(learningRate);
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException($"train option 'optimizer_kwargs.betas[0]' is {Format(beta1)}: expected a value in [0, 1)");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"train option 'optimizer_kwargs.betas[1]' is {Format(beta2)}: expected a value in [0, 1)");
        if (!(eps >= 0) || double.IsInfinity(eps)) throw new ArgumentException($"train option 'optimizer_kwargs.eps' is {Format(eps)}: expected a finite value ≥ 0");
        var seen = new HashSet<IntPtr>();
        foreach (var group in groups)
        {
            if (!(group.LrScale >= 0) || double.IsInfinity(group.LrScale))
                throw new ArgumentException($"parameter group '{group.Name}' has lr scale {Format(group.LrScale)}: expected a finite value ≥ 0");
            if (!(group.WeightDecay >= 0) || double.IsInfinity(group.WeightDecay))
                throw new ArgumentException($"parameter group '{group.Name}' has weight decay {Format(group.WeightDecay)}: expected a finite value ≥ 0");
            foreach (var parameter in group.Parameters)
            {
                if (!seen.Add(parameter.Handle))
                    throw new ArgumentException($"parameter group '{group.Name}' repeats a parameter that is already in an earlier group");
            }
        }

        Groups = groups;
        _torchGroups = groups
            .Select(g => new TorchSharp.Modules.AdamW.ParamGroup(g.Parameters, learningRate * g.LrScale, beta1, beta2, eps, g.WeightDecay, amsgrad: false, maximize: false))
            .ToArray();
        _optimizer = new AdamW(_torchGroups, learningRate, beta1, beta2, eps);
        ScheduledLearningRate = learningRate;
    }

    public IReadOnlyList<ParameterGroup> Groups { get; }

    /// <summary>The learning rate last passed to <see cref="SetLearningRate"/> (before the per-group scales).</summary>
    public double ScheduledLearningRate { get; private set; }

    /// <summary>Current learning rate of each group, in <see cref="Groups"/> order.</summary>
    public IReadOnlyList<double> GroupLearningRates => _torchGroups.Select(g => g.LearningRate).ToArray();

    /// <summary>The underlying TorchSharp optimizer (e.g. for its state dictionary).</summary>
    public AdamW Inner => _optimizer;

    /// <summary>Sets every group's learning rate to <paramref name="scheduledLearningRate"/> × its <see cref="ParameterGroup.LrScale"/>.</summary>
    public void SetLearningRate(double scheduledLearningRate)
    {
        CheckLearningRate(scheduledLearningRate);
        for (int i = 0; i < _torchGroups.Length; i++)
        {
            _torchGroups[i].LearningRate = scheduledLearningRate * Groups[i].LrScale;
        }
        ScheduledLearningRate = scheduledLearningRate;
    }

    /// <summary>One AdamW update of every parameter that has a gradient.</summary>
    public void Step() => _optimizer.step();

    /// <summary>Zeroes existing gradients in place; parameters without a gradient keep none.</summary>
    public void ZeroGrad() => _optimizer.zero_grad();

    /// <summary>Writes the moments, step counts and group hyper-parameters (TorchSharp's binary format) to <paramref name="path"/>.</summary>
    public void SaveState(string path) => _optimizer.save_state_dict(path);

    /// <summary>
    /// Restores a state written by <see cref="SaveState"/> for the same groups. The restored group learning rates are
    /// the saved ones; call <see cref="SetLearningRate"/> before the next step as usual.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The file cannot be read as this optimizer's state (another optimizer, other groups, truncated). The optimizer may
    /// then be partly overwritten: build a new one.
    /// </exception>
    public void LoadState(string path)
    {
        try
        {
            _optimizer.load_state_dict(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{path}: cannot load as AdamW state for {Groups.Count} parameter group(s): {e.Message}", e);
        }
    }

    public void Dispose() => _optimizer.Dispose();

    private static void CheckLearningRate(double learningRate)
    {
        if (!(learningRate >= 0) || double.IsInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learning rate must be a finite value ≥ 0");
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
