using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Reads transform specs from YAML in the reference's shapes (docs/reference/original-behaviour.md#transform-names): a list whose entries are bare
/// names or one-key mappings <c>{name: kwargs}</c>, or a mapping <c>{name: kwargs, ...}</c> (one spec per key, in
/// order). Plain scalars become long, double, bool or null; quoted ones stay strings. Mappings inside arguments become
/// nested specs (several keys → a list of specs), e.g. RandAugment's <c>ops</c> or RandomApply's <c>transform</c>.
/// For tests and tools; the experiment config adapts its own nodes to <see cref="TransformSpec"/>.
/// </summary>
public static class TransformSpecParser
{
    /// <exception cref="TransformSpecException">Malformed YAML or a shape that is not a transform list.</exception>
    public static IReadOnlyList<TransformSpec> FromYaml(string yaml, string source = "yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new TransformSpecException($"{source} line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", innerException: ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections.
            throw new TransformSpecException($"{source}: malformed YAML (unterminated flow collection or similar, no line available): {ex.Message}", innerException: ex);
        }
        if (stream.Documents.Count == 0) return [];
        return FromNode(stream.Documents[0].RootNode, source);
    }

    /// <summary>The specs of one YAML node (a list, a mapping, a bare name, or null/empty for no transforms).</summary>
    public static IReadOnlyList<TransformSpec> FromNode(YamlNode node, string source = "yaml") => node switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(child => EntryToSpec(child, source)).ToArray(),
        YamlMappingNode mapping => mapping.Children.Select(entry => new TransformSpec(KeyOf(entry.Key, source), Kwargs(entry.Value, source))).ToArray(),
        YamlScalarNode scalar when IsNull(scalar) => [],
        YamlScalarNode scalar => [new TransformSpec(scalar.Value!)],
        _ => throw Error(node, source, "expected a list of transforms"),
    };

    private static TransformSpec EntryToSpec(YamlNode node, string source) => node switch
    {
        YamlScalarNode scalar when !IsNull(scalar) => new TransformSpec(scalar.Value!),
        YamlMappingNode { Children.Count: 1 } mapping =>
            new TransformSpec(KeyOf(mapping.Children[0].Key, source), Kwargs(mapping.Children[0].Value, source)),
        YamlMappingNode mapping => throw Error(node, source,
            $"a list entry must be a bare name or a one-key mapping {{name: kwargs}}, got a mapping with {mapping.Children.Count} keys " +
            "(check the indentation of the arguments)"),
        _ => throw Error(node, source, "a list entry must be a bare name or a one-key mapping {name: kwargs}"),
    };

    private static IReadOnlyDictionary<string, object?> Kwargs(YamlNode node, string source)
    {
        if (node is YamlScalarNode scalar && IsNull(scalar)) return new Dictionary<string, object?>();
        if (node is not YamlMappingNode mapping)
            throw Error(node, source, "the arguments of a transform must be a mapping {argument: value}");
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach ((YamlNode key, YamlNode value) in mapping.Children)
        {
            string name = KeyOf(key, source);
            if (!args.TryAdd(name, Value(value, source))) throw Error(key, source, $"duplicate argument '{name}'");
        }
        return args;
    }

    private static object? Value(YamlNode node, string source) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => sequence.Children.Select(child => child is YamlMappingNode ? EntryToSpec(child, source) : Value(child, source)).ToArray(),
        YamlMappingNode { Children.Count: 1 } mapping => new TransformSpec(KeyOf(mapping.Children[0].Key, source), Kwargs(mapping.Children[0].Value, source)),
        YamlMappingNode mapping => mapping.Children.Select(entry => (object?)new TransformSpec(KeyOf(entry.Key, source), Kwargs(entry.Value, source))).ToArray(),
        _ => throw Error(node, source, "unsupported YAML node"),
    };

    /// <summary>YAML core-schema typing of a plain scalar; quoted scalars are strings.</summary>
    private static object? Scalar(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded) return text;
        if (IsNull(scalar)) return null;
        switch (text)
        {
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer)) return integer;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)) return number;
        return text;
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string KeyOf(YamlNode key, string source) =>
        key is YamlScalarNode { Value: { Length: > 0 } name } ? name : throw Error(key, source, "a transform or argument name must be a non-empty string");

    private static TransformSpecException Error(YamlNode node, string source, string message) =>
        new($"{source} line {node.Start.Line}, column {node.Start.Column}: {message}");
}
