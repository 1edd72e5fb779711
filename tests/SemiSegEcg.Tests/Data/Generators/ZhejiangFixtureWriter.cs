using System.Globalization;
using System.Text;
using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Synthetic;

namespace SemiSegEcg.Tests.Data.Generators;

/// <summary>One generated Zhejiang patient: its synthetic source and the spans each lead's label lines state.</summary>
/// <param name="SpansByLead">Canonical lead name → spans written for it (P, QRS, T), offset = last sample.</param>
public sealed record ZhejiangFixtureRecord(string HospitalId, int LengthSamples, SyntheticEcg Ecg,
    IReadOnlyDictionary<string, IReadOnlyList<FixtureSpan>> SpansByLead)
{
    /// <summary>The denoised signal as written (integer µV), by canonical lead name.</summary>
    public int[] WrittenMicrovolts(string lead, bool raw = false)
    {
        int index = Array.IndexOf(Ecg.LeadNames, lead);
        return (raw ? Ecg.Leads : Ecg.CleanLeads)[index].Select(v => (int)Math.Round(v * 1000, MidpointRounding.AwayFromZero)).ToArray();
    }
}

/// <summary>Where a generated Zhejiang download lives and which special lines it holds.</summary>
/// <param name="SignalsDir">Holds <c>PVCVTECGData/</c> and <c>PVCVTRawECGData/</c>.</param>
/// <param name="LabelsDir">Holds <c>P.csv</c>, <c>QRS.csv</c>, <c>T.csv</c>.</param>
public sealed record ZhejiangFixture(string SignalsDir, string LabelsDir, IReadOnlyList<ZhejiangFixtureRecord> Records)
{
    /// <summary>Patient and lead whose T line has an odd number of values (a value lost).</summary>
    public const string OddLead = "V2";

    /// <summary>Lead of the second patient with no line in P.csv.</summary>
    public const string NoPLead = "aVL";

    /// <summary>HospitalID that has label lines but no signal file.</summary>
    public const string UnknownId = "99999";
}

public sealed record ZhejiangFixtureOptions
{
    public long Seed { get; init; } = 5;

    /// <summary>Record durations in seconds, one patient each: short ones are padded, long ones windowed.</summary>
    public double[] DurationsSeconds { get; init; } = [3.0, 8.5, 12.0, 25.0, 6.0, 10.0, 14.5, 4.2, 31.0, 9.0];

    /// <summary>Labelled stretch length per patient in seconds (the labels cover beats inside it); the 25-s
    /// patient (index 3) gets a 12-s stretch, longer than the window.</summary>
    public double StretchSeconds { get; init; } = 5.5;

    /// <summary>Write a header row of lead names in the signal files.</summary>
    public bool HeaderRow { get; init; }

    /// <summary>Pad every label line with empty fields to the longest line of its file, as pandas writes ragged rows.</summary>
    public bool PadRaggedLines { get; init; } = true;

    /// <summary>Write this value into the first QRS line in place of its third number.</summary>
    public string? MalformedValue { get; init; }
}

/// <summary>
/// Writes a small Zhejiang PVC/VT database in the distributed shape: <c>PVCVTECGData/&lt;HospitalID&gt;.csv</c>
/// (the synthetic clean signal, the "denoised" one) and <c>PVCVTRawECGData/&lt;HospitalID&gt;.csv</c> (with noise),
/// 2000 Hz, 12 integer µV columns <c>aVF,aVL,aVR,I,II,III,V1…V6</c>; and headerless label files <c>P.csv</c>,
/// <c>QRS.csv</c>, <c>T.csv</c> with lines <c>&lt;HospitalID&gt;###&lt;LEAD&gt;,on,off,…</c> (offset inclusive) covering the
/// synthetic beats of a labelled stretch. Leads V1–V6 omit the stretch's first beat, so leads differ.
/// Special lines: the first patient's <see cref="ZhejiangFixture.OddLead"/> T line loses its last value (odd count),
/// the second patient has no P line for <see cref="ZhejiangFixture.NoPLead"/>, <see cref="ZhejiangFixture.UnknownId"/>
/// has lines but no signal, one line has spaces and one has <c>.0</c> decimals.
/// </summary>
public static class ZhejiangFixtureWriter
{
    public const double SamplingRateHz = 2000;

    public static ZhejiangFixture Write(string root, ZhejiangFixtureOptions? options = null)
    {
        options ??= new ZhejiangFixtureOptions();
        string signals = Path.Combine(root, "signals");
        string labels = Path.Combine(root, "labels");
        Directory.CreateDirectory(Path.Combine(signals, ZhejiangPreparer.DenoisedFolder));
        Directory.CreateDirectory(Path.Combine(signals, ZhejiangPreparer.RawFolder));
        Directory.CreateDirectory(labels);
        var lines = new[] { new List<List<string>>(), new List<List<string>>(), new List<List<string>>() };
        var records = new List<ZhejiangFixtureRecord>();

        for (int r = 0; r < options.DurationsSeconds.Length; r++)
        {
            string id = (10_001 + r * 7).ToString(CultureInfo.InvariantCulture);
            double duration = options.DurationsSeconds[r];
            var ecg = SyntheticEcgGenerator.Generate(new SyntheticEcgOptions
            {
                SamplingRateHz = SamplingRateHz,
                DurationSeconds = duration,
                AtrialFibrillationProbability = 0,
                PrematureBeatProbability = 0.1,
            }, options.Seed * 1000 + r);
            int length = ecg.LengthSamples;
            double stretch = r == 3 ? 12.0 : options.StretchSeconds;
            double from = Math.Min(1.0, duration * 0.1);
            var beats = ecg.Beats.Where(b => b.IsComplete && (b.P ?? b.Qrs).OnsetSample >= from * SamplingRateHz
                && b.T.OffsetSample < Math.Min(from + stretch, duration) * SamplingRateHz).ToList();
            if (beats.Count < 2) throw new InvalidOperationException($"fixture patient {id}: only {beats.Count} beats in the stretch");

            var byLead = new Dictionary<string, IReadOnlyList<FixtureSpan>>();
            foreach (string lead in ZhejiangLeads.StandardOrder)
            {
                var leadBeats = lead.StartsWith('V') ? beats.Skip(1).ToList() : beats;
                var spans = new List<FixtureSpan>();
                var perFile = new[] { new List<string>(), new List<string>(), new List<string>() };
                foreach (var beat in leadBeats)
                {
                    foreach (var (wave, classId, file) in new[] { (beat.P, WaveLabels.P, 0), (beat.Qrs, WaveLabels.Qrs, 1), (beat.T, WaveLabels.T, 2) })
                    {
                        if (wave is null) continue;
                        perFile[file].Add(wave.OnsetSample.ToString(CultureInfo.InvariantCulture));
                        perFile[file].Add(wave.OffsetSample.ToString(CultureInfo.InvariantCulture));
                        spans.Add(new FixtureSpan(classId, wave.OnsetSample, wave.OffsetSample));
                    }
                }
                bool oddLine = r == 0 && lead == ZhejiangFixture.OddLead;
                bool noP = r == 1 && lead == ZhejiangFixture.NoPLead;
                if (oddLine) perFile[2].RemoveAt(perFile[2].Count - 1);
                if (noP) spans.RemoveAll(s => s.ClassId == WaveLabels.P);
                if (r == 2 && lead == "II") perFile[1] = perFile[1].Select(v => $"  {v} ").ToList();
                if (r == 2 && lead == "III") perFile[2] = perFile[2].Select(v => v + ".0").ToList();
                for (int f = 0; f < 3; f++)
                {
                    if (f == 0 && noP) continue;
                    lines[f].Add([$"{id}###{lead}", .. perFile[f]]);
                }
                if (!oddLine) byLead[lead] = spans;
            }
            WriteSignal(Path.Combine(signals, ZhejiangPreparer.DenoisedFolder, id + ".csv"), ecg, ecg.CleanLeads, options.HeaderRow);
            WriteSignal(Path.Combine(signals, ZhejiangPreparer.RawFolder, id + ".csv"), ecg, ecg.Leads, options.HeaderRow);
            records.Add(new ZhejiangFixtureRecord(id, length, ecg, byLead));
        }
        for (int f = 0; f < 3; f++) lines[f].Add([$"{ZhejiangFixture.UnknownId}###II", "100", "200"]);
        if (options.MalformedValue is { } bad) lines[1][0][3] = bad;

        string[] names = ["P.csv", "QRS.csv", "T.csv"];
        for (int f = 0; f < 3; f++)
        {
            int width = lines[f].Max(l => l.Count);
            var text = new StringBuilder();
            foreach (var line in lines[f])
            {
                text.Append(string.Join(',', line));
                if (options.PadRaggedLines) text.Append(',', width - line.Count);
                text.Append('\n');
            }
            File.WriteAllText(Path.Combine(labels, names[f]), text.ToString());
        }
        return new ZhejiangFixture(signals, labels, records);
    }

    private static void WriteSignal(string path, SyntheticEcg ecg, double[][] leads, bool header)
    {
        int[] columns = ZhejiangLeads.ColumnOrder.Select(l => Array.IndexOf(ecg.LeadNames, l)).ToArray();
        if (columns.Contains(-1)) throw new InvalidOperationException($"synthetic lead names {string.Join(",", ecg.LeadNames)} lack a Zhejiang lead");
        var text = new StringBuilder();
        if (header) text.Append(string.Join(',', ZhejiangLeads.ColumnOrder)).Append('\n');
        for (int i = 0; i < ecg.LengthSamples; i++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                if (c > 0) text.Append(',');
                text.Append(((int)Math.Round(leads[columns[c]][i] * 1000, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        File.WriteAllText(path, text.ToString());
    }
}
