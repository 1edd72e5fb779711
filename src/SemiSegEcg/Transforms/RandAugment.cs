using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// The strong augmentation (docs/reference/original-behaviour.md#strong-augmentation-randaugment). At construction every op that has a level
/// (<see cref="ILevelAdjustable"/>) is rebuilt from <c>m = level / 10</c>, overriding its configured strength as the
/// reference does (docs/reference/original-behaviour.md#randaugment-levels-override-the-yaml), and each op is wrapped in <see cref="RandomApply"/> with <c>prob</c>. Per call,
/// <c>num_layers</c> distinct ops are chosen uniformly in random order and applied in that order, each with its
/// probability.
/// </summary>
public sealed class RandAugment : ISignalTransform
{
    public const string ClassName = "RandAugment";

    /// <summary>The level at which every op has its YAML default strength (m = 1).</summary>
    public const int MaxLevel = 10;

    private readonly RandomApply[] _ops;

    public RandAugment(IEnumerable<ISignalTransform> ops, double level = MaxLevel, int numLayers = 3, double prob = 0.5)
    {
        ArgumentNullException.ThrowIfNull(ops);
        if (!(level > 0 && level <= MaxLevel))
            throw new TransformArgumentException(ClassName, "level", level, $"must be in (0, {MaxLevel}]");
        Probability = TransformGuard.Probability(ClassName, "prob", prob);
        Level = level;
        double magnitude = level / MaxLevel;
        _ops = ops.Select(op => new RandomApply(op is ILevelAdjustable adjustable ? adjustable.WithLevel(magnitude) : op, prob)).ToArray();
        if (_ops.Length == 0) throw new TransformArgumentException(ClassName, "ops", "[]", "must list at least one op");
        if (numLayers < 1 || numLayers > _ops.Length)
            throw new TransformArgumentException(ClassName, "num_layers", numLayers, $"must be in [1, {_ops.Length}] (the number of ops; they are drawn without replacement)");
        LayerCount = numLayers;
        ChangesLabel = _ops.Any(op => op.ChangesLabel);
    }

    public double Level { get; }

    public int LayerCount { get; }

    public double Probability { get; }

    /// <summary>The ops after the level override, each wrapped in its <see cref="RandomApply"/>.</summary>
    public IReadOnlyList<RandomApply> Ops => _ops;

    public bool ChangesLabel { get; }

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        // Partial Fisher–Yates: the first LayerCount entries are distinct ops in uniformly random order.
        Span<int> order = _ops.Length <= 64 ? stackalloc int[_ops.Length] : new int[_ops.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        for (int i = 0; i < LayerCount; i++)
        {
            int j = random.NextInt(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
            view = _ops[order[i]].Apply(view, random);
        }
        return view;
    }
}
