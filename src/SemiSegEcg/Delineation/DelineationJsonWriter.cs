using System.Text.Json;
using SemiSegEcg.IO;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Writes delineations as JSON (snake_case keys, null where a value is not available): per record its summary, then
/// every lead and the consensus, each with its summary, waves (samples and seconds) and beats (intervals in ms and
/// the beat's P, QRS and T waves). Several records go into <c>{"records": [...]}</c>.
/// </summary>
public static class DelineationJsonWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static void Write(string path, DelineationResult result) => AtomicFile.Write(path, s => WriteTo(s, [result], single: true));

    public static void Write(string path, IReadOnlyList<DelineationResult> results) => AtomicFile.Write(path, s => WriteTo(s, results, single: false));

    public static string ToJson(DelineationResult result)
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer, [result], single: true);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTo(Stream stream, IReadOnlyList<DelineationResult> results, bool single)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var json = new Utf8JsonWriter(stream, Indented);
        if (single)
        {
            WriteRecord(json, results[0]);
        }
        else
        {
            json.WriteStartObject();
            json.WriteStartArray("records");
            foreach (var r in results) WriteRecord(json, r);
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    private static void WriteRecord(Utf8JsonWriter json, DelineationResult r)
    {
        double fs = r.SamplingRateHz;
        json.WriteStartObject();
        json.WriteString("record", r.RecordName);
        json.WriteNumber("sampling_rate_hz", fs);
        json.WriteNumber("length_samples", r.LengthSamples);
        json.WriteNumber("duration_s", DelineationNumbers.Seconds(r.LengthSamples / fs));
        json.WriteStartArray("warnings");
        foreach (string w in r.Warnings) json.WriteStringValue(w);
        json.WriteEndArray();
        json.WritePropertyName("summary");
        WriteSummary(json, r.Summary);
        json.WriteStartArray("leads");
        foreach (var lead in r.Leads) WriteTrack(json, lead, fs);
        json.WriteEndArray();
        json.WritePropertyName("consensus");
        if (r.Consensus is null) json.WriteNullValue();
        else WriteTrack(json, r.Consensus, fs);
        json.WriteEndObject();
    }

    private static void WriteTrack(Utf8JsonWriter json, LeadDelineation track, double fs)
    {
        json.WriteStartObject();
        json.WriteString("lead", track.Lead);
        json.WritePropertyName("summary");
        WriteSummary(json, track.Summary);
        json.WriteStartArray("waves");
        foreach (var w in track.Waves) WriteWave(json, w, fs);
        json.WriteEndArray();
        json.WriteStartArray("beats");
        foreach (var b in track.Beats)
        {
            json.WriteStartObject();
            json.WriteNumber("beat", b.Index);
            Ms(json, "hr_bpm", b.HeartRateBpm);
            Ms(json, "rr_ms", b.RrMs);
            Ms(json, "pr_ms", b.PrMs);
            Ms(json, "qrs_ms", b.QrsMs);
            Ms(json, "qt_ms", b.QtMs);
            Ms(json, "qtc_bazett_ms", b.QtcBazettMs);
            Ms(json, "qtc_fridericia_ms", b.QtcFridericiaMs);
            OptionalWave(json, "p", b.P, fs);
            OptionalWave(json, "qrs", b.Qrs, fs);
            OptionalWave(json, "t", b.T, fs);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void OptionalWave(Utf8JsonWriter json, string name, Wave? wave, double fs)
    {
        json.WritePropertyName(name);
        if (wave is null) json.WriteNullValue();
        else WriteWave(json, wave, fs);
    }

    private static void WriteWave(Utf8JsonWriter json, Wave w, double fs)
    {
        json.WriteStartObject();
        json.WriteString("wave", DelineationNumbers.WaveName(w.Kind));
        json.WriteNumber("onset_sample", w.Onset);
        json.WriteNumber("peak_sample", w.Peak);
        json.WriteNumber("offset_sample", w.Offset);
        json.WriteNumber("onset_s", DelineationNumbers.Seconds(w.OnsetSeconds(fs)));
        json.WriteNumber("peak_s", DelineationNumbers.Seconds(w.PeakSeconds(fs)));
        json.WriteNumber("offset_s", DelineationNumbers.Seconds(w.OffsetSeconds(fs)));
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, RecordSummary s)
    {
        json.WriteStartObject();
        json.WriteString("source", s.Source);
        json.WriteNumber("beats", s.BeatCount);
        Ms(json, "hr_bpm", s.HeartRateBpm);
        Ms(json, "rr_ms", s.RrMs);
        Ms(json, "pr_ms", s.PrMs);
        Ms(json, "qrs_ms", s.QrsMs);
        Ms(json, "qt_ms", s.QtMs);
        Ms(json, "qtc_bazett_ms", s.QtcBazettMs);
        Ms(json, "qtc_fridericia_ms", s.QtcFridericiaMs);
        json.WriteEndObject();
    }

    private static void Ms(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, DelineationNumbers.Ms(v));
        else json.WriteNull(name);
    }
}
