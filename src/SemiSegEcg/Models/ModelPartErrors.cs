namespace SemiSegEcg.Models;

/// <summary>The messages of a model part (backbone, decode head) that a name or an options record does not fit.</summary>
internal static class ModelPartErrors
{
    /// <param name="section">The config block: <c>backbone</c> or <c>decode_head</c>.</param>
    public static ArgumentException WrongOptions(string section, string name, Type expected, object? options) =>
        new($"{section} '{name}' needs options of type {expected.Name}, got {options?.GetType().Name ?? "null"}");

    public static ArgumentException Unknown(string section, string name, IEnumerable<string> valid) =>
        new($"unknown {section} '{name}'; valid names: {string.Join(", ", valid)}");
}
