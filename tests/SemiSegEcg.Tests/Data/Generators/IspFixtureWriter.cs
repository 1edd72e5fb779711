using System.Globalization;
using System.IO.Compression;
using System.Text;
using SemiSegEcg.Data;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Synthetic;

namespace SemiSegEcg.Tests.Data.Generators;

/// <summary>One generated ISP record: its synthetic source, stored length and the spans written to its CSV row.</summary>
/// <param name="CsvLine">Line of the record's row in its CSV (header = line 1).</param>
public sealed record IspFixtureRecord(string FileName, bool IsTest, int LengthSamples, SyntheticEcg Ecg,
    IReadOnlyList<FixtureSpan> Spans, string TargetText, int CsvLine, bool SpansFollowSignal);

/// <summary>Where a generated ISP download lives.</summary>
/// <param name="Raw">What to pass as <c>--raw</c>: the zip when zipped, else the folder that holds the unzipped tree.</param>
/// <param name="DatasetFolder">The unzipped tree (deleted again when zipped, so only the zip can be read).</param>
public sealed record IspFixture(string Raw, string DatasetFolder, IReadOnlyList<IspFixtureRecord> Records)
{
    public string TrainCsv => Path.Combine(DatasetFolder, "train_isp_delineation_data.csv");
    public string TestCsv => Path.Combine(DatasetFolder, "test_isp_delineation_data.csv");
}

public sealed record IspFixtureOptions
{
    public int TrainRecords { get; init; } = 8;
    public int TestRecords { get; init; } = 3;
    public long Seed { get; init; } = 11;

    /// <summary>Stored lengths, used in turn (ISP records hold about 9,998–10,000 samples; 10,002 exercises the crop).</summary>
    public int[] Lengths { get; init; } = [9_998, 10_000, 9_999, 10_002];

    /// <summary>Write <c>isp_delineation_dataset.zip</c> (entries at its top level) and no unzipped folder.</summary>
    public bool Zip { get; init; }

    /// <summary>Replaces the <c>target</c> of the train CSV's second row (line 3) with this text.</summary>
    public string? MalformedTarget { get; init; }

    /// <summary>Adds to the first train record a span entirely past its end and one with onset &gt; offset.</summary>
    public bool UnusableSpans { get; init; }

    /// <summary>Writes the test CSV's numbers as <c>np.int64(…)</c>, as a NumPy 2 repr would.</summary>
    public bool NumpyWrappers { get; init; } = true;
}

/// <summary>
/// Writes a small ISP delineation dataset in the distributed layout: <c>isp_delineation_dataset/train_data/</c> and
/// <c>test_data/</c> with 12-lead WFDB format-16 records (leads <c>i … v6</c>, 1000 Hz, units uV, gain 1) made by the
/// synthetic generator, and the two CSVs <c>file_name,age,sex,target</c>, whose <c>target</c> lists the synthetic
/// waves as <c>(class, onset, offset)</c> (class 0 P, 1 QRS, 2 T; offset = last sample). The first train record's
/// last wave is written running past the record's end, as some real rows do.
/// </summary>
public static class IspFixtureWriter
{
    private static readonly string[] LeadNames = ["i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6"];

    public static IspFixture Write(string root, IspFixtureOptions? options = null)
    {
        options ??= new IspFixtureOptions();
        string unzipped = Path.Combine(root, options.Zip ? "staging" : "unzipped");
        string dataset = Path.Combine(unzipped, "isp_delineation_dataset");
        var records = new List<IspFixtureRecord>();
        int index = 0;
        foreach (bool isTest in new[] { false, true })
        {
            int count = isTest ? options.TestRecords : options.TrainRecords;
            var csv = new StringBuilder("file_name,age,sex,target\n");
            for (int k = 0; k < count; k++, index++)
            {
                string name = (isTest ? 2001 + k : 1001 + k).ToString(CultureInfo.InvariantCulture);
                int length = options.Lengths[index % options.Lengths.Length];
                var ecg = SyntheticEcgGenerator.Generate(new SyntheticEcgOptions
                {
                    SamplingRateHz = 1000,
                    DurationSeconds = length / 1000.0,
                    AtrialFibrillationProbability = 0,
                    PrematureBeatProbability = 0.05,
                }, options.Seed * 1000 + index);
                var spans = Spans(ecg, length);
                bool follows = true;
                if (!isTest && k == 0)
                {
                    var last = spans[^1];
                    spans[^1] = last with { Offset = length + 25 };
                    follows = false;
                }
                if (!isTest && k == 0 && options.UnusableSpans)
                {
                    spans.Add(new FixtureSpan(WaveLabels.Qrs, length + 100, length + 180));
                    spans.Add(new FixtureSpan(WaveLabels.T, 500, 400));
                }
                string target = TargetText(spans, isTest && options.NumpyWrappers);
                int line = k + 2;
                if (!isTest && k == 1 && options.MalformedTarget is { } bad) target = bad;
                WriteRecord(Path.Combine(dataset, isTest ? "test_data" : "train_data"), name, ecg);
                csv.Append(CultureInfo.InvariantCulture, $"{name},{40 + k},{(k % 2 == 0 ? "M" : "F")},\"{target}\"\n");
                records.Add(new IspFixtureRecord(name, isTest, length, ecg, spans, target, line, follows));
            }
            File.WriteAllText(Path.Combine(dataset, isTest ? "test_isp_delineation_data.csv" : "train_isp_delineation_data.csv"), csv.ToString());
        }

        if (!options.Zip) return new IspFixture(unzipped, dataset, records);
        string zip = Path.Combine(root, "isp_delineation_dataset.zip");
        ZipFile.CreateFromDirectory(dataset, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
        Directory.Delete(unzipped, recursive: true);
        return new IspFixture(zip, dataset, records);
    }

    /// <summary>The waves that reach into the stored record; an onset before sample 0 is written as 0.</summary>
    private static List<FixtureSpan> Spans(SyntheticEcg ecg, int length)
    {
        var spans = new List<FixtureSpan>();
        foreach (var beat in ecg.Beats)
        {
            foreach (var (wave, classId) in new[] { (beat.P, WaveLabels.P), (beat.Qrs, WaveLabels.Qrs), (beat.T, WaveLabels.T) })
            {
                if (wave is null || wave.OffsetSample < 0 || wave.OnsetSample >= length) continue;
                spans.Add(new FixtureSpan(classId, Math.Max(0, wave.OnsetSample), wave.OffsetSample));
            }
        }
        return spans;
    }

    private static string TargetText(IEnumerable<FixtureSpan> spans, bool numpy)
    {
        string N(long v) => numpy ? $"np.int64({v.ToString(CultureInfo.InvariantCulture)})" : v.ToString(CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", spans.Select(s => $"({N(s.ClassId - 1)}, {N(s.Onset)}, {N(s.Offset)})")) + "]";
    }

    private static void WriteRecord(string folder, string name, SyntheticEcg ecg)
    {
        var signals = new List<WfdbWriterSignal>();
        for (int lead = 0; lead < LeadNames.Length; lead++)
        {
            double[] microvolts = ecg.Leads[lead].Select(v => v * 1000).ToArray();
            signals.Add(WfdbWriterSignal.FromPhysical(LeadNames[lead], microvolts, gain: 1.0, units: "uV"));
        }
        WfdbWriter.WriteRecord(folder, name, 1000, signals);
    }
}
