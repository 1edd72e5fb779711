using System.Buffers.Binary;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Delineation;
using SemiSegEcg.Delineation.Scoring;
using SemiSegEcg.Tests.Infrastructure;
using static SemiSegEcg.Tests.Delineation.DelineationTestData;

namespace SemiSegEcg.Tests.Delineation;

[Trait(Category.Trait, Category.Unit)]
public sealed class DelineationPlotTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Should_Write_A_Png_Of_The_Announced_Size_When_Plotting_A_Synthetic_Record()
    {
        using var dir = new TempDirectory();
        var ecg = Record(seed: 61, leads: 3);
        var input = Input(ecg);
        var result = new DelineationPostProcessor().ProcessLabels(input, [ecg.Mask, ecg.Mask, ecg.Mask]);
        string path = dir.File("plot.png");

        DelineationPlot.Save(path, input, result);

        var (width, height) = PngSize(File.ReadAllBytes(path));
        Assert.Equal(DelineationPlot.ImageSize(result), (width, height));
        Assert.Equal(1600, width);
        Assert.InRange(height, 4 * 200, 4 * 200 + 300);     // three leads and the consensus row, plus title and axis
    }

    [Fact]
    public void Should_Plot_A_Ludb_Record_With_Its_Reference_Annotations_As_The_Delineation()
    {
        string record = Path.Combine(SharedData.LudbRecords, "1");
        var input = RecordingReader.Read(record, leads: ["ii", "v1"]);
        var labels = input.LeadNames.Select(lead =>
            MaskPainter.Paint(WaveAnnotationParser.Parse(WfdbAnnotationReader.Read($"{record}.{lead}"), requireOnset: true).Waves,
                input.LengthSamples, new MaskOptions(OffsetRule.Inclusive))).ToList();
        var result = new DelineationPostProcessor().ProcessLabels(input, labels);
        var options = new DelineationPlotOptions { WidthPx = 800, RowHeightPx = 120 };

        byte[] png = DelineationPlot.Render(input, result, options);

        Assert.Equal(DelineationPlot.ImageSize(result, options), PngSize(png));
        // LUDB record 1 is a sinus bradycardia near 45 bpm with a normal QRS.
        Assert.InRange(result.Summary.HeartRateBpm!.Value, 40, 50);
        Assert.InRange(result.Summary.QrsMs!.Value, 60, 110);
    }

    [Fact]
    public void Should_Overlay_Each_Leads_Reference_Waves_And_Name_The_Reference_In_The_Legend()
    {
        // Given: LUDB record 1, leads II and V1, delineated as their own annotations, and the per-lead references
        string record = Path.Combine(SharedData.LudbRecords, "1");
        var input = RecordingReader.Read(record, leads: ["ii", "v1"]);
        var references = RecordReference.Read(record, RecordReference.PerLead, new List<string>());
        var labels = input.LeadNames.Select(lead => MaskPainter.Paint(references.Single(r => r.Lead == lead).Waves, input.LengthSamples, new MaskOptions(OffsetRule.Inclusive))).ToList();
        var result = new DelineationPostProcessor().ProcessLabels(input, labels);

        var plain = DelineationPlot.Build(input, result);
        var overlaid = DelineationPlot.Build(input, result, reference: ReferenceOverlay.From(RecordReference.PerLead, references));
        byte[] png = DelineationPlot.Render(input, result, reference: ReferenceOverlay.From(RecordReference.PerLead, references));

        // Then: one bar per reference wave of the two leads drawn (the consensus row has no reference of its own)
        int referenceWaves = references.Where(r => r.Lead is "ii" or "v1").Sum(r => r.Waves.Count);
        Assert.True(referenceWaves > 20);
        Assert.Equal(plain.GetPlottables().Count() + referenceWaves, overlaid.GetPlottables().Count());
        Assert.Contains(overlaid.Legend.ManualItems, i => i.LabelText.StartsWith("reference (per-lead files)", StringComparison.Ordinal));
        Assert.DoesNotContain(plain.Legend.ManualItems, i => i.LabelText.StartsWith("reference", StringComparison.Ordinal));
        Assert.Equal(DelineationPlot.ImageSize(result), PngSize(png));
    }

    [Fact]
    public void Should_Draw_One_Annotator_Under_Every_Row_With_Lead_Names_And_An_Ecg_Grid_In_Mv()
    {
        // Given: QTDB sel100's first 20 s, delineated as q1c says, and q1c as the overlay
        string record = Path.Combine(SharedData.QtdbRecords, "sel100");
        var input = RecordingReader.Read(record);
        var q1c = RecordReference.Read(record, "q1c", new List<string>()).Single();
        var waves = q1c.Waves.Select(w => w with { Onset = w.Onset ?? w.Peak }).ToList();
        var mask = MaskPainter.Paint(waves, input.LengthSamples, new MaskOptions(OffsetRule.Inclusive));
        var result = new DelineationPostProcessor().ProcessLabels(input, [mask, mask]);
        var options = new DelineationPlotOptions { StartSeconds = q1c.Spans.Spans[0].First / input.SamplingRateHz - 1, MaxDurationSeconds = 10 };

        var plain = DelineationPlot.Build(input, result, options);
        var overlaid = DelineationPlot.Build(input, result, options, ReferenceOverlay.From("q1c", [q1c]));

        int first = (int)Math.Round(options.StartSeconds * input.SamplingRateHz), last = first + (int)(10 * input.SamplingRateHz) - 1;
        int inView = q1c.Waves.Count(w => w.Offset >= first && (w.Onset ?? w.Peak ?? w.Offset) <= last);
        Assert.True(inView > 10);
        Assert.Equal(plain.GetPlottables().Count() + 3 * inView, overlaid.GetPlottables().Count()); // consensus, MLII, V5
        Assert.Contains(overlaid.Legend.ManualItems, i => i.LabelText.StartsWith("reference (q1c)", StringComparison.Ordinal));
        overlaid.GetImageBytes(1600, 800, ScottPlot.ImageFormat.Png); // the axes generate their ticks when drawn
        var leadTicks = overlaid.Axes.Left.TickGenerator.Ticks.Select(t => t.Label).ToList();
        Assert.Contains("MLII", leadTicks);
        Assert.Contains("V5", leadTicks);
        Assert.Contains(leadTicks, t => t.StartsWith("consensus", StringComparison.Ordinal));
        // ECG paper: 0.2 s and 0.5 mV major lines, 0.04 s and 0.1 mV minor lines (both have room at 1600 px for 10 s)
        var seconds = overlaid.Axes.Bottom.TickGenerator.Ticks;
        var millivolts = overlaid.Axes.Right.TickGenerator.Ticks;
        Assert.Equal("mV", overlaid.Axes.Right.Label.Text);
        Assert.All(seconds.Where(t => t.IsMajor), t => Assert.Equal(0, Math.Round(t.Position / 0.2) * 0.2 - t.Position, 9));
        Assert.All(millivolts.Where(t => t.IsMajor), t => Assert.Equal(0, Math.Round(t.Position / 0.5) * 0.5 - t.Position, 9));
        Assert.InRange(seconds.Count(t => t.IsMajor), 50, 51); // 10 s of 0.2-s lines
        Assert.Contains(seconds, t => !t.IsMajor && Math.Abs(t.Position / 0.04 - Math.Round(t.Position / 0.04)) < 1e-6);
        Assert.Contains(millivolts, t => !t.IsMajor);
        Assert.Contains(millivolts, t => t.Label == "0");
        Assert.Contains(millivolts, t => t.Label == "0.5");
        Assert.Contains(millivolts, t => t.Label == "-0.5");
    }

    [Fact]
    public void Should_Refuse_To_Plot_A_Result_Of_Another_Recording()
    {
        var ecg = Record(seed: 62, leads: 2);
        var result = new DelineationPostProcessor().ProcessLabels(Input(ecg), [ecg.Mask, ecg.Mask]);
        var other = Input(Record(seed: 62, leads: 3));

        Assert.Throws<ArgumentException>(() => DelineationPlot.Render(other, result));
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
