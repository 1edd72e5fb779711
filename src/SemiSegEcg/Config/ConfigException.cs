namespace SemiSegEcg.Config;

/// <summary>
/// A configuration problem: bad YAML, an unknown or missing key, a value of the wrong type or out of range. The message
/// always names the key path and where the value came from (file and line, or the command-line option).
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message, string? filePath = null, string? keyPath = null, int? line = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        KeyPath = keyPath;
        Line = line;
    }

    /// <summary>The YAML file as the user named it, or null when the value came from the command line or from code.</summary>
    public string? FilePath { get; }

    /// <summary>Dotted key path such as <c>train.warmup_epochs</c> (list items as <c>dataset.filter[0]</c>); empty for the root.</summary>
    public string? KeyPath { get; }

    /// <summary>1-based line in <see cref="FilePath"/>, when known.</summary>
    public int? Line { get; }

    /// <summary>"'<paramref name="keyPath"/>' in &lt;source&gt;: <paramref name="problem"/>".</summary>
    public static ConfigException At(ConfigSource source, string keyPath, string problem, Exception? innerException = null) =>
        new($"{DescribeKey(keyPath)} in {source}: {problem}", FileOf(source), keyPath, LineOf(source), innerException);

    /// <summary>Like <see cref="At(ConfigSource, string, string, Exception?)"/>, located at <paramref name="node"/>.</summary>
    public static ConfigException At(ConfigNode node, string keyPath, string problem) => At(node.Source, keyPath, problem);

    internal static string? FileOf(ConfigSource source) => source.IsFile ? source.Name : null;

    internal static int? LineOf(ConfigSource source) => source.Line > 0 ? source.Line : null;

    private static string DescribeKey(string keyPath) => keyPath.Length == 0 ? "the configuration root" : $"'{keyPath}'";
}
