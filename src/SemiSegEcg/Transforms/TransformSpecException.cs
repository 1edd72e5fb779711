namespace SemiSegEcg.Transforms;

/// <summary>
/// A transform specification that cannot be built: unknown name, unknown or mistyped argument, value out of range,
/// malformed YAML. The message names where (e.g. <c>transforms[0].ops[2]</c>), the transform and the argument.
/// </summary>
public sealed class TransformSpecException : Exception
{
    public TransformSpecException(string message, string? transform = null, string? argument = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Transform = transform;
        Argument = argument;
    }

    /// <summary>The transform name as written in the spec, when known.</summary>
    public string? Transform { get; }

    /// <summary>The offending argument, when the error is about one.</summary>
    public string? Argument { get; }
}
