using SemiSegEcg.Data;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Data.Generators;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Prepare;

/// <summary>Zhejiang preparation on generated files of the distributed shape (the real data is not on this machine).</summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class ZhejiangPreparerTests : IClassFixture<ZhejiangPreparerTests.Prepared>
{
    private const int Window = 20_000;
    private readonly Prepared _prepared;

    public ZhejiangPreparerTests(Prepared prepared) => _prepared = prepared;

    /// <summary>The default fixture, generated and prepared once (about a second).</summary>
    public sealed class Prepared : IDisposable
    {
        public TempDirectory Tmp { get; } = new("zhejiang-prep");
        public ZhejiangFixture Fixture { get; }
        public PrepareSummary Summary { get; }
        public string Out => Tmp.File("out");

        public Prepared()
        {
            Fixture = ZhejiangFixtureWriter.Write(Tmp.File("raw"));
            Summary = DatabasePreparation.Run(new ZhejiangPreparer(Fixture.SignalsDir, Fixture.LabelsDir, new MaskOptions()), Out, seed: 0);
        }

        public void Dispose() => Tmp.Dispose();
    }

    private static string SampleFile(ZhejiangFixtureRecord record, string lead) => $"{record.HospitalId}_lead_{SampleSignals.LeadName(lead)}.npy";

    [Fact]
    public void Should_Give_12_Samples_Per_Patient_Split_6_2_2_And_Report_What_It_Left_Out()
    {
        var layout = new PreparedLayout(_prepared.Out, "Zhejiang");
        var splits = new[] { layout.UnlabeledIndex, layout.ValidIndex, layout.TestIndex }.Select(p => IndexCsv.Read(p, requireLabels: true)).ToList();
        var first = _prepared.Fixture.Records[0];

        Assert.Equal(10 * 12 - 1, splits.Sum(s => s.Count));
        Assert.Equal([6, 2, 2], splits.Select(s => s.Select(e => e.SubjectId).Distinct().Count()));
        Assert.Empty(splits[0].Select(e => e.SubjectId).Intersect(splits[1].Concat(splits[2]).Select(e => e.SubjectId)));
        Assert.All(splits.SelectMany(s => s), e => Assert.Equal(2000, e.SampleRateHz));
        // the odd line, the unknown patient, and each lead of the patient whose labelled stretch is 12 s
        Assert.Equal(2 + 12, _prepared.Summary.Dropped.Count);
        Assert.Equal(12, _prepared.Summary.Dropped.Count(d => d.Item.StartsWith($"patient {_prepared.Fixture.Records[3].HospitalId} lead ", StringComparison.Ordinal)
            && d.Item.EndsWith(" waves outside the window", StringComparison.Ordinal)));
        Assert.Contains(_prepared.Summary.Dropped, d => d.Item == $"patient {first.HospitalId} lead V2"
            && d.Reason.Contains("T.csv line 8: odd number of values"));
        Assert.Contains(_prepared.Summary.Dropped, d => d.Item == "patient 99999" && d.Reason.Contains("99999.csv does not exist"));
        Assert.Contains(_prepared.Summary.Dropped, d => d.Item == $"patient {_prepared.Fixture.Records[3].HospitalId} lead I waves outside the window"
            && d.Reason.Contains("longer than the 10 s window"));
    }

    [Fact]
    public void Should_Cut_Each_Lead_A_10s_Window_Holding_Its_Labelled_Stretch_With_Matching_Signal_And_Mask()
    {
        int checkedLeads = 0;
        foreach (var record in _prepared.Fixture.Records)
        {
            foreach (var (lead, spans) in record.SpansByLead)
            {
                long first = spans.Min(s => s.Onset), last = spans.Max(s => s.Offset);
                long start = record.LengthSamples <= Window ? 0
                    : Math.Clamp((long)Math.Floor((first + last + 1 - Window) / 2.0), 0, record.LengthSamples - Window);
                if (last - first < Window) Assert.InRange(first - start, 0, Window - 1 - (last - first));

                float[] signal = NpyFile.Read(Path.Combine(_prepared.Out, "ecg", SampleFile(record, lead))).AsFloat32();
                long[] label = NpyFile.Read(Path.Combine(_prepared.Out, "label", SampleFile(record, lead))).AsInt64();
                int[] written = record.WrittenMicrovolts(lead);
                Assert.Equal(Window, signal.Length);
                for (int i = 0; i < Window; i++)
                {
                    float expected = start + i < written.Length ? (float)(written[start + i] * 0.001) : 0f;
                    if (signal[i] != expected) Assert.Fail($"{record.HospitalId} {lead} sample {i}: {signal[i]} != {expected}");
                }
                var mask = FixtureSpan.ExpectedMask(spans, record.LengthSamples, start, Window, OffsetRule.Exclusive);
                Assert.Equal(mask.Select(b => (long)b), label);
                checkedLeads++;
            }
        }
        Assert.Equal(119, checkedLeads);
    }

    [Fact]
    public void Should_Zero_Pad_Short_Records_With_Background_Labels()
    {
        var shortRecord = _prepared.Fixture.Records[0];
        Assert.Equal(6000, shortRecord.LengthSamples);

        float[] signal = NpyFile.Read(Path.Combine(_prepared.Out, "ecg", SampleFile(shortRecord, "II"))).AsFloat32();
        long[] label = NpyFile.Read(Path.Combine(_prepared.Out, "label", SampleFile(shortRecord, "II"))).AsInt64();

        Assert.All(signal[6000..], v => Assert.Equal(0f, v));
        Assert.Contains(signal[..6000], v => v != 0f);
        Assert.All(label[6000..], v => Assert.Equal(0L, v));
        Assert.Equal([0L, 1, 2, 3], label[..6000].Distinct().Order());
    }

    [Fact]
    public void Should_Treat_A_Lead_Without_A_P_Line_As_Having_No_P_Waves()
    {
        var record = _prepared.Fixture.Records[1];

        long[] withoutP = NpyFile.Read(Path.Combine(_prepared.Out, "label", SampleFile(record, ZhejiangFixture.NoPLead))).AsInt64();
        long[] withP = NpyFile.Read(Path.Combine(_prepared.Out, "label", SampleFile(record, "aVR"))).AsInt64();

        Assert.DoesNotContain(1L, withoutP);
        Assert.Contains(2L, withoutP);
        Assert.Contains(1L, withP);
    }

    [Fact]
    public void Should_Ignore_Everything_Outside_The_Labelled_Stretch_When_Unannotated_Is_Ignore()
    {
        using var tmp = new TempDirectory("zhejiang-ignore");
        var fixture = _prepared.Fixture;

        DatabasePreparation.Run(new ZhejiangPreparer(fixture.SignalsDir, fixture.LabelsDir, new MaskOptions(Unannotated: UnannotatedPolicy.Ignore)), tmp.Path, seed: 0);

        foreach (var record in fixture.Records.Take(3))
        {
            var spans = record.SpansByLead["I"];
            long[] label = NpyFile.Read(Path.Combine(tmp.Path, "label", SampleFile(record, "I"))).AsInt64();
            long start = record.LengthSamples <= Window ? 0 : NpyStart(record);
            var expected = FixtureSpan.ExpectedMask(spans, record.LengthSamples, start, Window, OffsetRule.Exclusive, UnannotatedPolicy.Ignore);
            Assert.Equal(expected.Select(b => (long)b), label);
            Assert.Equal(255L, label[0]);
            Assert.Equal(255L, label[^1]);
        }

        long NpyStart(ZhejiangFixtureRecord record)
        {
            var spans = record.SpansByLead["I"];
            long first = spans.Min(s => s.Onset), last = spans.Max(s => s.Offset);
            return Math.Clamp((long)Math.Floor((first + last + 1 - Window) / 2.0), 0, record.LengthSamples - Window);
        }
    }

    [Fact]
    public void Should_Read_Signal_Files_With_A_Header_Row_And_Use_The_Raw_Signals_On_Request()
    {
        // Given: the same patients written with a header row of lead names
        using var tmp = new TempDirectory("zhejiang-header");
        var fixture = ZhejiangFixtureWriter.Write(tmp.File("raw"), new ZhejiangFixtureOptions { DurationsSeconds = [8.5, 12.0, 6.0], HeaderRow = true, PadRaggedLines = false });

        // When
        DatabasePreparation.Run(new ZhejiangPreparer(fixture.SignalsDir, fixture.LabelsDir, new MaskOptions()), tmp.File("denoised"), seed: 0);
        DatabasePreparation.Run(new ZhejiangPreparer(fixture.SignalsDir, fixture.LabelsDir, new MaskOptions(), rawSignals: true), tmp.File("raw-out"), seed: 0);

        // Then: columns are matched by name, and --raw-signals reads PVCVTRawECGData with the same windows and masks
        var record = fixture.Records[0];
        int[] denoised = record.WrittenMicrovolts("aVL"), raw = record.WrittenMicrovolts("aVL", raw: true);
        float[] a = NpyFile.Read(Path.Combine(tmp.File("denoised"), "ecg", SampleFile(record, "aVL"))).AsFloat32();
        float[] b = NpyFile.Read(Path.Combine(tmp.File("raw-out"), "ecg", SampleFile(record, "aVL"))).AsFloat32();
        Assert.Equal(denoised.Select(v => (float)(v * 0.001)), a[..denoised.Length]);
        Assert.Equal(raw.Select(v => (float)(v * 0.001)), b[..raw.Length]);
        Assert.NotEqual(a, b);
        Assert.Equal(File.ReadAllBytes(Path.Combine(tmp.File("denoised"), "label", SampleFile(record, "aVL"))),
            File.ReadAllBytes(Path.Combine(tmp.File("raw-out"), "label", SampleFile(record, "aVL"))));
    }

    [Fact]
    public void Should_Name_The_Label_File_Line_And_Field_When_A_Value_Is_Not_A_Number()
    {
        using var tmp = new TempDirectory("zhejiang-bad");
        var fixture = ZhejiangFixtureWriter.Write(tmp.File("raw"), new ZhejiangFixtureOptions { DurationsSeconds = [8.5, 6.0], MalformedValue = "12x4" });

        var error = Assert.Throws<InvalidDataException>(() => new ZhejiangPreparer(fixture.SignalsDir, fixture.LabelsDir, new MaskOptions()));

        Assert.Equal($"{Path.Combine(fixture.LabelsDir, "QRS.csv")} line 1: field 4 is '12x4', expected a sample index", error.Message);
    }

    [Fact]
    public void Should_Name_The_Signal_File_And_Line_When_A_Row_Is_Ragged()
    {
        using var tmp = new TempDirectory("zhejiang-ragged");
        var fixture = ZhejiangFixtureWriter.Write(tmp.File("raw"), new ZhejiangFixtureOptions { DurationsSeconds = [8.5, 6.0] });
        string path = Path.Combine(fixture.SignalsDir, ZhejiangPreparer.DenoisedFolder, fixture.Records[1].HospitalId + ".csv");
        var lines = File.ReadAllLines(path);
        lines[41] = string.Join(',', lines[41].Split(',').Take(11));
        File.WriteAllLines(path, lines);
        var preparer = new ZhejiangPreparer(fixture.SignalsDir, fixture.LabelsDir, new MaskOptions());

        var error = Assert.Throws<InvalidDataException>(() => DatabasePreparation.Run(preparer, tmp.File("out"), seed: 0));

        Assert.Equal($"{path} line 42: has 11 fields, expected 12", error.Message);
    }

    [Fact]
    public void Should_Say_Which_Folders_It_Expects_When_The_Signals_Folder_Is_Wrong()
    {
        using var tmp = new TempDirectory("zhejiang-missing");
        Directory.CreateDirectory(tmp.File("signals"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => new ZhejiangPreparer(tmp.File("signals"), tmp.File("labels"), new MaskOptions(), rawSignals: true));

        Assert.Contains("PVCVTRawECGData", error.Message);
    }
}
