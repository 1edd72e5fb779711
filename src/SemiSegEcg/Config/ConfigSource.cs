namespace SemiSegEcg.Config;

/// <summary>
/// Where a configuration value came from: a YAML file (with a 1-based line and column) or a command-line option.
/// </summary>
/// <param name="Name">What a person recognises: the file path as given, or the option text (<c>--set train.epochs=3</c>).</param>
/// <param name="FilePath">Absolute path of the YAML file, or null when the value did not come from a file. Relative
/// dataset paths are resolved against this file's folder, so it is captured at load time (the current directory may change).</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public sealed record ConfigSource(string Name, string? FilePath, int Line, int Column)
{
    /// <summary>Source of values made in code (defaults, resolved paths): no file, no line.</summary>
    public static ConfigSource Code(string name) => new(name, null, 0, 0);

    public bool IsFile => FilePath is not null;

    /// <summary>"configs/x.yaml line 12", or just the name when there is no line.</summary>
    public override string ToString() => IsFile && Line > 0 ? $"{Name} line {Line}" : Name;
}
