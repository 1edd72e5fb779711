namespace SemiSegEcg.Transforms;

/// <summary>
/// A config-neutral description of one transform: its name (snake_case alias or class name, e.g.
/// <c>random_resize_crop</c> / <c>RandomResizeCrop</c>) and keyword arguments. Argument values are already typed:
/// <see cref="double"/>, <see cref="long"/>, <see cref="bool"/>, <see cref="string"/>, null, lists
/// (<see cref="IReadOnlyList{T}"/> of object?), nested <see cref="TransformSpec"/>s, or lists of them (a bare name
/// string also stands for a spec without arguments). <see cref="TransformFactory"/> turns specs into transforms.
/// </summary>
public sealed record TransformSpec(string Name, IReadOnlyDictionary<string, object?> Args)
{
    private static readonly IReadOnlyDictionary<string, object?> NoArgs = new Dictionary<string, object?>();

    /// <summary>A spec without arguments (every argument at its default).</summary>
    public TransformSpec(string name) : this(name, NoArgs) { }
}
