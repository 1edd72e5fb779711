namespace SemiSegEcg.Transforms;

/// <summary>
/// A transform constructor argument out of range. <see cref="ArgumentException.ParamName"/> is the argument's config
/// spelling (e.g. <c>scale_min</c>), so the message can be shown to a user editing YAML as it is.
/// </summary>
public sealed class TransformArgumentException : ArgumentException
{
    public TransformArgumentException(string transform, string argument, object? value, string requirement)
        : base(requirement, argument)
    {
        Transform = transform;
        Value = value;
        Requirement = requirement;
    }

    /// <summary>The transform's class name, e.g. <c>RandomResizeCrop</c>.</summary>
    public string Transform { get; }

    public object? Value { get; }

    /// <summary>What the argument must satisfy, e.g. "must be in [0, 1]".</summary>
    public string Requirement { get; }

    public override string Message => $"{Transform}: argument '{ParamName}' = {FormatValue(Value)} {Requirement}";

    internal static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };
}
