using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>Applies transforms in order (docs/reference/original-behaviour.md#transform-names <c>Compose</c>); an empty list is the identity.</summary>
public sealed class Compose : ISignalTransform
{
    public const string ClassName = "Compose";

    public Compose(IEnumerable<ISignalTransform> transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        Transforms = transforms.ToArray();
        for (int i = 0; i < Transforms.Count; i++)
        {
            if (Transforms[i] is null) throw new ArgumentNullException(nameof(transforms), $"transform {i} is null");
        }
        ChangesLabel = Transforms.Any(t => t.ChangesLabel);
    }

    public IReadOnlyList<ISignalTransform> Transforms { get; }

    public bool ChangesLabel { get; }

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        foreach (ISignalTransform transform in Transforms) view = transform.Apply(view, random);
        return view;
    }
}
