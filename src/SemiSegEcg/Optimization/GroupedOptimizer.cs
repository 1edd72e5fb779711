using System.Globalization;
using SemiSegEcg.Config;
using SemiSegEcg.Models;
using SemiSegEcg.Training;
using TorchSharp.Modules;

namespace SemiSegEcg.Optimization;

/// <summary>
/// The optimizer of one trained network, as the trainer uses it: built from the train settings over
/// <see cref="ParameterGroup"/>s (one group with weight decay on everything, as the original; or layer-wise LR decay
/// groups for ViT), the scheduled learning rate applied to every group times its scale, one step, and the state
/// saved and restored for exact resume. The update itself is <see cref="AdamW"/> or <see cref="SGD"/> (TorchSharp
/// 0.107's math and binary state format, without temporary Scalars; their config numbers are held for the run).
/// </summary>
/// <remarks>
/// AdamW has PyTorch 1.13's single-tensor semantics:
/// <c>p ← p·(1 − lr·wd)</c>; <c>m ← β1·m + (1 − β1)·g</c>; <c>v ← β2·v + (1 − β2)·g²</c>;
/// <c>p ← p − lr/(1 − β1^t) · m / (√v/√(1 − β2^t) + eps)</c>, with a per-parameter step count t.
/// A parameter whose gradient is null (e.g. the ViT's unused final LayerNorm) is skipped entirely, as PyTorch does:
/// no weight decay, no moment update, its t does not advance. <see cref="ZeroGrad"/> zeroes existing gradients and
/// leaves null ones null (PyTorch's <c>set_to_none=False</c>, the default of the reference's torch 1.11).
/// TorchSharp's factory <c>torch.optim.AdamW(...)</c> defaults β2 to 0.99, unlike PyTorch's 0.999; this class always
/// passes both betas explicitly.
/// </remarks>
public sealed class GroupedOptimizer : IDisposable
{
    private readonly OptimizerHelper _optimizer;

    private GroupedOptimizer(OptimizerKind kind, IReadOnlyList<ParameterGroup> groups, OptimizerHelper optimizer, double learningRate)
    {
        Kind = kind;
        Groups = groups;
        _optimizer = optimizer;
        ScheduledLearningRate = learningRate;
    }

    /// <summary>
    /// The optimizer <c>train.optimizer</c> names over the groups of <c>train.weight_decay</c> and <c>train.layer_decay</c>
    /// (see <see cref="ParameterGroupBuilder"/>), starting at <see cref="TrainerSettings.Lr"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An invalid value, or layer decay asked of SGD.</exception>
    public static GroupedOptimizer Create(EncoderDecoder model, TrainerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var groups = ParameterGroupBuilder.Build(model, settings.WeightDecay, settings.LayerDecay);
        return settings.Optimizer switch
        {
            OptimizerKind.AdamW => AdamW(groups, settings.Lr, settings.Beta1, settings.Beta2, settings.Eps),
            OptimizerKind.Sgd when settings.LayerDecay is null => Sgd(groups, settings.Lr, settings.Momentum),
            OptimizerKind.Sgd => throw new ArgumentException("train.layer_decay is only supported with optimizer adamw"),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Optimizer, "unknown optimizer"),
        };
    }

    /// <param name="groups">Parameter groups, e.g. from <see cref="ParameterGroupBuilder.Build"/>.</param>
    /// <param name="learningRate">Initial scheduled learning rate (each group gets it times its scale).</param>
    /// <param name="beta1">First-moment decay (<c>optimizer_kwargs.betas[0]</c>, 0.9).</param>
    /// <param name="beta2">Second-moment decay (<c>optimizer_kwargs.betas[1]</c>, 0.999).</param>
    /// <param name="eps">Denominator term (<c>optimizer_kwargs.eps</c>, 1e-8).</param>
    public static GroupedOptimizer AdamW(IReadOnlyList<ParameterGroup> groups, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        CheckGroups(groups, learningRate);
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException($"train option 'optimizer_kwargs.betas[0]' is {Format(beta1)}: expected a value in [0, 1)");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"train option 'optimizer_kwargs.betas[1]' is {Format(beta2)}: expected a value in [0, 1)");
        if (!(eps >= 0) || double.IsInfinity(eps)) throw new ArgumentException($"train option 'optimizer_kwargs.eps' is {Format(eps)}: expected a finite value ≥ 0");
        var torchGroups = groups
            .Select(g => new TorchSharp.Modules.AdamW.ParamGroup(g.Parameters, learningRate * g.LrScale, beta1, beta2, eps, g.WeightDecay, amsgrad: false, maximize: false))
            .ToArray();
        return new GroupedOptimizer(OptimizerKind.AdamW, groups, new AdamW(torchGroups, learningRate, beta1, beta2, eps), learningRate);
    }

    /// <summary>SGD with momentum over exactly one group (SGD has no layer-wise decay), with the group's weight decay.</summary>
    public static GroupedOptimizer Sgd(IReadOnlyList<ParameterGroup> groups, double learningRate, double momentum)
    {
        CheckGroups(groups, learningRate);
        if (groups.Count != 1 || groups[0].LrScale != 1)
            throw new ArgumentException($"SGD takes one parameter group with lr scale 1, got {groups.Count} (set train.layer_decay to null)");
        if (!(momentum >= 0) || double.IsInfinity(momentum))
            throw new ArgumentException($"train option 'optimizer_kwargs.momentum' is {Format(momentum)}: expected a finite value ≥ 0");
        return new GroupedOptimizer(OptimizerKind.Sgd, groups, new SGD(groups[0].Parameters, learningRate, momentum, groups[0].WeightDecay), learningRate);
    }

    public OptimizerKind Kind { get; }

    public IReadOnlyList<ParameterGroup> Groups { get; }

    /// <summary>The learning rate last passed to <see cref="SetLearningRate"/> (before the per-group scales).</summary>
    public double ScheduledLearningRate { get; private set; }

    /// <summary>Current learning rate of each group, in <see cref="Groups"/> order.</summary>
    public IReadOnlyList<double> GroupLearningRates => _optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();

    /// <summary>Sets every group's learning rate to <paramref name="scheduledLearningRate"/> × its <see cref="ParameterGroup.LrScale"/> (called before every iteration).</summary>
    public void SetLearningRate(double scheduledLearningRate)
    {
        CheckLearningRate(scheduledLearningRate);
        int i = 0;
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = scheduledLearningRate * Groups[i++].LrScale;
        }
        ScheduledLearningRate = scheduledLearningRate;
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step() => _optimizer.step();

    /// <summary>Zeroes existing gradients in place; parameters without a gradient keep none.</summary>
    public void ZeroGrad() => _optimizer.zero_grad();

    /// <summary>Writes the moments, step counts and group hyper-parameters in TorchSharp's binary format (it starts with the optimizer's type name).</summary>
    public void SaveState(BinaryWriter writer) => _optimizer.save_state_dict(writer);

    /// <inheritdoc cref="SaveState(BinaryWriter)"/>
    public void SaveState(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        SaveState(writer);
    }

    /// <summary>
    /// Restores a state written by <see cref="SaveState(BinaryWriter)"/> for the same optimizer and groups. The restored
    /// group learning rates are the saved ones; <see cref="SetLearningRate"/> runs before the next step as usual.
    /// </summary>
    /// <param name="source">Names the state in the error, e.g. the checkpoint and its entry.</param>
    /// <exception cref="InvalidDataException">
    /// The bytes are not this optimizer's state (another optimizer, other groups, truncated). The optimizer may then be
    /// partly overwritten: build a new one.
    /// </exception>
    public void LoadState(BinaryReader reader, string source)
    {
        try
        {
            _optimizer.load_state_dict(reader);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            throw new InvalidDataException($"{source}: cannot load as {StateName} state for {Groups.Count} parameter group(s) ({e.Message.Split('\n', 2)[0].Trim()})", e);
        }
    }

    /// <inheritdoc cref="LoadState(BinaryReader, string)"/>
    public void LoadState(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        LoadState(reader, path);
    }

    /// <summary>The type name a saved state of one of ours starts with (TorchSharp's format): <c>AdamW</c> or <c>SGD</c>.</summary>
    public static bool IsStateTypeName(string? typeName) => typeName is "AdamW" or "SGD";

    public void Dispose() => _optimizer.Dispose();

    private string StateName => Kind == OptimizerKind.AdamW ? "AdamW" : "SGD";

    private static void CheckGroups(IReadOnlyList<ParameterGroup> groups, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0) throw new ArgumentException("an optimizer needs at least one parameter group", nameof(groups));
        CheckLearningRate(learningRate);
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
    }

    private static void CheckLearningRate(double learningRate)
    {
        if (!(learningRate >= 0) || double.IsInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learning rate must be a finite value ≥ 0");
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
