using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SemiSegEcg.Config;

/// <summary>Parses YAML text or files into <see cref="ConfigNode"/> trees (YamlDotNet representation model).</summary>
public static class ConfigReader
{
    private static readonly HashSet<string> ScalarTags =
        [ConfigScalar.NullTag, ConfigScalar.BoolTag, ConfigScalar.IntTag, ConfigScalar.FloatTag, ConfigScalar.StrTag];

    /// <summary>Reads a configuration file; its root must be a mapping (an empty file is an empty mapping).</summary>
    public static ConfigMapping ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new ConfigException($"config file '{path}' not found (looked at {fullPath})", path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (IOException e)
        {
            throw new ConfigException($"cannot read config file '{path}': {e.Message}", path, innerException: e);
        }
        return ParseMapping(text, path, fullPath);
    }

    /// <summary>Parses YAML whose root must be a mapping (empty text gives an empty mapping).</summary>
    public static ConfigMapping ParseMapping(string yaml, string sourceName, string? filePath = null)
    {
        ConfigNode root = Parse(yaml, sourceName, filePath);
        return root switch
        {
            ConfigMapping m => m,
            ConfigScalar { IsNullValue: true } => ConfigMapping.Empty(root.Source),
            _ => throw ConfigException.At(root, "", $"the top level must be a mapping of keys, got {root.Describe()}"),
        };
    }

    /// <summary>
    /// Parses one YAML document of any shape; empty text gives a null scalar. <paramref name="sourceName"/> names the
    /// origin in error messages; <paramref name="filePath"/> (absolute) is set when the text came from a file.
    /// </summary>
    public static ConfigNode Parse(string yaml, string sourceName, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var at = new ConfigSource(sourceName, filePath, (int)e.Start.Line, (int)e.Start.Column);
            throw new ConfigException($"{at}: invalid YAML: {e.Message}", ConfigException.FileOf(at), null, ConfigException.LineOf(at), e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner and parser throw these (instead of a YamlException) on some malformed flow
            // collections and on events it cannot place, e.g. a stray '-' or ':' where a node should start.
            throw new ConfigException($"{sourceName}: invalid YAML (unbalanced brackets or quotes?)", filePath is null ? null : sourceName, innerException: e);
        }

        if (stream.Documents.Count == 0) return ConfigScalar.Null(new ConfigSource(sourceName, filePath, 1, 1));
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            var at = new ConfigSource(sourceName, filePath, (int)second.Start.Line, (int)second.Start.Column);
            throw new ConfigException($"{at}: expected one YAML document, found {stream.Documents.Count} (remove the '---' separator)",
                ConfigException.FileOf(at), null, ConfigException.LineOf(at));
        }
        return Convert(stream.Documents[0].RootNode, "", sourceName, filePath);
    }

    private static ConfigNode Convert(YamlNode node, string keyPath, string sourceName, string? filePath)
    {
        var source = new ConfigSource(sourceName, filePath, (int)node.Start.Line, (int)node.Start.Column);
        if (node is not YamlScalarNode && !node.Tag.IsEmpty && !node.Tag.IsNonSpecific
            && node.Tag.Value is not ("tag:yaml.org,2002:seq" or "tag:yaml.org,2002:map"))
        {
            throw ConfigException.At(source, keyPath, $"unsupported YAML tag '{node.Tag.Value}' (plain lists and mappings only)");
        }
        switch (node)
        {
            case YamlScalarNode scalar:
                return ConvertScalar(scalar, keyPath, source);
            case YamlSequenceNode sequence:
                return new ConfigSequence(
                    sequence.Children.Select((child, i) => Convert(child, ConfigNode.ItemPath(keyPath, i), sourceName, filePath)), source);
            case YamlMappingNode mapping:
                var entries = new List<ConfigEntry>(mapping.Children.Count);
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var keySource = new ConfigSource(sourceName, filePath, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
                    if (keyNode is not YamlScalarNode { Value: { } key } || key.Length == 0)
                    {
                        throw ConfigException.At(keySource, keyPath, "mapping keys must be non-empty plain names");
                    }
                    entries.Add(new ConfigEntry(key, Convert(valueNode, ConfigNode.ChildPath(keyPath, key), sourceName, filePath), keySource));
                }
                return new ConfigMapping(entries, source);
            default:
                throw ConfigException.At(source, keyPath, $"unsupported YAML node {node.NodeType}");
        }
    }

    private static ConfigScalar ConvertScalar(YamlScalarNode scalar, string keyPath, ConfigSource source)
    {
        string? tag = null;
        if (!scalar.Tag.IsEmpty)
        {
            // The non-specific tag '!' forces a string, like quoting.
            tag = scalar.Tag.IsNonSpecific ? ConfigScalar.StrTag : scalar.Tag.Value;
            if (!ScalarTags.Contains(tag))
            {
                throw ConfigException.At(source, keyPath, $"unsupported YAML tag '{scalar.Tag.Value}' (only !!null, !!bool, !!int, !!float and !!str are allowed)");
            }
        }
        var style = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any ? ConfigScalarStyle.Plain : ConfigScalarStyle.Quoted;
        return new ConfigScalar(scalar.Value ?? "", style, source, tag);
    }
}
