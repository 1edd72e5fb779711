using SemiSegEcg.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SemiSegEcg.Config;

/// <summary>
/// Writes a <see cref="ConfigNode"/> back to YAML. Scalars keep their style (plain stays plain, quoted stays quoted)
/// and explicit tag, so reading the text back gives a tree with the same content (<see cref="ConfigNode.ContentEquals"/>).
/// Lists of scalars are written in flow style (<c>[1, 2, 2, 2]</c>), everything else in block style.
/// </summary>
public static class ConfigWriter
{
    public static string ToYaml(ConfigNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings().WithBestIndent(2).WithBestWidth(120));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    /// <summary>Writes the YAML atomically (a reader never sees a half-written file).</summary>
    public static void Save(string path, ConfigNode node) => AtomicFile.WriteAllText(path, ToYaml(node));

    private static void Emit(IEmitter emitter, ConfigNode node)
    {
        switch (node)
        {
            case ConfigScalar scalar:
                emitter.Emit(ToEvent(scalar));
                break;
            case ConfigSequence sequence:
                var sequenceStyle = sequence.Items.All(i => i is ConfigScalar) ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, sequenceStyle));
                foreach (ConfigNode item in sequence.Items) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case ConfigMapping mapping:
                var mappingStyle = mapping.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, mappingStyle));
                foreach (ConfigEntry entry in mapping.Entries)
                {
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, entry.Key, ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));
                    Emit(emitter, entry.Value);
                }
                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentException($"unsupported node type {node.GetType().Name}", nameof(node));
        }
    }

    private static Scalar ToEvent(ConfigScalar scalar)
    {
        if (scalar.Tag is { } tag)
        {
            var style = scalar.Style == ConfigScalarStyle.Plain ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
            return new Scalar(AnchorName.Empty, new TagName(tag), scalar.Text, style, isPlainImplicit: false, isQuotedImplicit: false);
        }
        if (scalar.IsNull) return new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false);
        return scalar.Style == ConfigScalarStyle.Plain
            ? new Scalar(AnchorName.Empty, TagName.Empty, scalar.Text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false)
            : new Scalar(AnchorName.Empty, TagName.Empty, scalar.Text, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true);
    }
}
