using System.Buffers.Binary;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Delineation;
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
