using System.Globalization;
using System.Text;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.IO;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Writes delineations as WFDB annotation files in MIT format, marked like LUDB: per wave <c>(</c> at the onset, the
/// wave symbol at the peak (<c>p</c> P, <c>N</c> QRS, <c>t</c> T) and <c>)</c> at the offset, in time order.
/// One file per lead, <c>{record}.{prefix}_{lead}</c> (lead lower-cased, other than letters and digits → '_') with
/// chan = the lead's index in the result, and one for the consensus, <c>{record}.{prefix}_consensus</c>, chan 0.
/// The prefix keeps them apart from a database's own annotators (LUDB's are the bare lead names).
/// When the folder has no <c>{record}.hea</c>, a signal-less header (<c>{record} 0 fs length</c>) is written so WFDB
/// tools know the sampling rate; an existing header is never touched.
/// </summary>
public static class DelineationWfdbWriter
{
    public const string DefaultAnnotatorPrefix = "seg";

    /// <summary>Writes the annotation files (and the header if missing); returns the annotation file paths.</summary>
    public static IReadOnlyList<string> Write(string directory, DelineationResult result, string annotatorPrefix = DefaultAnnotatorPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(result);
        string record = RecordName(result.RecordName);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        for (int lead = 0; lead < result.Leads.Count; lead++)
        {
            string path = Path.Combine(directory, $"{record}.{AnnotatorName(annotatorPrefix, result.Leads[lead].Lead)}");
            WfdbWriter.WriteAnnotations(path, Annotations(result.Leads[lead], lead));
            paths.Add(path);
        }
        if (result.Consensus is { } consensus)
        {
            string path = Path.Combine(directory, $"{record}.{AnnotatorName(annotatorPrefix, LeadDelineation.ConsensusName)}");
            WfdbWriter.WriteAnnotations(path, Annotations(consensus, 0));
            paths.Add(path);
        }
        string header = Path.Combine(directory, record + ".hea");
        if (!File.Exists(header))
        {
            string line = string.Create(CultureInfo.InvariantCulture, $"{record} 0 {result.SamplingRateHz:R} {result.LengthSamples}\n");
            AtomicFile.WriteAllBytes(header, Encoding.ASCII.GetBytes(line));
        }
        return paths;
    }

    /// <summary>The <c>(</c>, symbol, <c>)</c> triplets of one track, in time order.</summary>
    public static IReadOnlyList<WfdbAnnotation> Annotations(LeadDelineation track, int channel)
    {
        ArgumentNullException.ThrowIfNull(track);
        var annotations = new List<WfdbAnnotation>(track.Waves.Count * 3);
        foreach (var w in track.Waves.OrderBy(w => w.Onset))
        {
            string symbol = w.Kind switch
            {
                WaveKind.P => "p",
                WaveKind.Qrs => "N",
                WaveKind.T => "t",
                _ => throw new ArgumentOutOfRangeException(nameof(track), w.Kind, "unknown wave kind"),
            };
            annotations.Add(WfdbAnnotation.Create(w.Onset, "(", channel: channel));
            annotations.Add(WfdbAnnotation.Create(w.Peak, symbol, channel: channel));
            annotations.Add(WfdbAnnotation.Create(w.Offset, ")", channel: channel));
        }
        return annotations;
    }

    /// <summary><c>{prefix}_{lead}</c> with the lead lower-cased and anything but letters and digits replaced by '_'.</summary>
    public static string AnnotatorName(string prefix, string lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var cleaned = lead.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        return $"{prefix}_{new string(cleaned)}";
    }

    /// <summary>A record name WFDB accepts: whitespace, path separators and dots become '_'.</summary>
    public static string RecordName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Select(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or '.' ? '_' : c).ToArray();
        return chars.Length == 0 ? "record" : new string(chars);
    }
}
