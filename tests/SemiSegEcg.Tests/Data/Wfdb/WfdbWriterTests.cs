using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Wfdb;

[Trait(Category.Trait, Category.Unit)]
public sealed class WfdbWriterTests
{
    [Fact]
    public void Should_Round_Trip_A_Record_With_Checksums_Initial_Values_And_Invalid_Samples()
    {
        using var tmp = new TempDirectory();
        int[] a = [25, 97, -32768, 32767, -32767, 0, 12345];
        double[] physical = [0.5, -1.25, double.NaN, 0, 2.0, 1e-3, -0.004];
        var signals = new[]
        {
            new WfdbWriterSignal("ii", a, 1206, 2),
            WfdbWriterSignal.FromPhysical("V1 lead", physical, 1000.5, -3, "uV"),
        };

        string headerPath = WfdbWriter.WriteRecord(tmp.Path, "rt", 500, signals, ["<age>: 51", "made by a test"]);
        var record = WfdbReader.Read(headerPath);

        Assert.Equal(tmp.File("rt.hea"), headerPath);
        Assert.Equal(7 * 2 * 2, new FileInfo(tmp.File("rt.dat")).Length);
        Assert.Empty(record.VerifyAgainstHeader());
        Assert.Equal(500, record.Header.SamplingFrequencyHz);
        Assert.Equal(7, record.SampleCount);
        Assert.Equal(a, record.Digital[0]);
        // Digital: 497, -1254, -32768 (NaN), -3, 1998, -2, -7; their sum -31539 is the 16-bit checksum.
        Assert.Equal(new WfdbSignalSpec("rt.dat", 16, 1, 0, 0, 1000.5, -3, "uV", 16, 0, 497, -31539, 0, "V1 lead"),
            record.Header.Signals[1]);
        double[] back = record.Physical(1);
        for (int i = 0; i < physical.Length; i++)
        {
            if (double.IsNaN(physical[i])) Assert.True(double.IsNaN(back[i]));
            else Assert.Equal(physical[i], back[i], 1.0 / 1000.5 / 2 + 1e-12);
        }
        Assert.Equal(new[] { "<age>: 51", "made by a test" }, record.Header.Comments);
        Assert.Empty(Directory.GetFiles(tmp.Path, "*.tmp"));
    }

    [Fact]
    public void Should_Reproduce_Ludb_Record_Bytes_When_Rewriting_It()
    {
        using var tmp = new TempDirectory();
        var original = WfdbReader.Read(Path.Combine(SharedData.LudbRecords, "1"));
        var signals = original.Header.Signals
            .Select((s, i) => new WfdbWriterSignal(s.Description, original.Digital[i], s.Gain, s.Baseline, s.Units))
            .ToList();

        WfdbWriter.WriteRecord(tmp.Path, "1", original.Header.SamplingFrequencyHz, signals);
        var copy = WfdbReader.Read(tmp.File("1"));

        Assert.Equal(File.ReadAllBytes(Path.Combine(SharedData.LudbRecords, "1.dat")), File.ReadAllBytes(tmp.File("1.dat")));
        Assert.Empty(copy.VerifyAgainstHeader());
        Assert.Equal(original.Header.Signals.Select(s => (s.Checksum, s.InitialValue, s.Gain, s.Baseline)),
            copy.Header.Signals.Select(s => (s.Checksum, s.InitialValue, s.Gain, s.Baseline)));
    }

    [Fact]
    public void Should_Reproduce_Ludb_Annotation_Bytes_When_Rewriting_Them()
    {
        using var tmp = new TempDirectory();
        string source = Path.Combine(SharedData.LudbRecords, "1.ii");
        var annotations = WfdbAnnotationReader.Read(source);

        WfdbWriter.WriteAnnotations(tmp.File("1.ii"), annotations);

        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(tmp.File("1.ii")));
    }

    [Fact]
    public void Should_Round_Trip_Qtdb_Annotations_With_Skips_Aux_And_Channels()
    {
        using var tmp = new TempDirectory();
        foreach (string name in new[] { "sel100.q1c", "sel100.pu", "sel102.atr" })
        {
            var annotations = WfdbAnnotationReader.Read(Path.Combine(SharedData.QtdbRecords, name));

            WfdbWriter.WriteAnnotations(tmp.File(name), annotations);

            Assert.Equal(annotations, WfdbAnnotationReader.Read(tmp.File(name)));
        }
    }

    [Fact]
    public void Should_Write_Skip_Aux_Num_Chn_And_Sub_Words_Only_When_Needed()
    {
        var annotations = new[]
        {
            WfdbAnnotation.Create(10, "("),
            WfdbAnnotation.Create(20, "p", channel: 3),
            WfdbAnnotation.Create(2000, ")", channel: 3, number: -2, subType: 1, aux: "abc"),
            WfdbAnnotation.Create(1500, "N", channel: 3, number: -2),
        };

        byte[] bytes = WfdbWriter.EncodeAnnotations(annotations);

        byte[] expected =
        [
            0x0A, 39 << 2,                   // ( delta 10
            0x0A, 24 << 2,                   // p delta 10
            0x03, 62 << 2,                   // CHN 3
            0x00, 59 << 2, 0x00, 0x00, 0xBC, 0x07, // SKIP 1980 = 0x0000_07BC: high word, then low word
            0x00, 40 << 2,                   // ) delta 0
            0x01, 61 << 2,                   // SUB 1
            0xFE, 60 << 2,                   // NUM −2 (low 8 bits)
            0x03, 63 << 2, (byte)'a', (byte)'b', (byte)'c', 0x00, // AUX "abc" + pad
            0x00, 59 << 2, 0xFF, 0xFF, 0x0C, 0xFE, // SKIP −500
            0x00, 1 << 2,                    // N delta 0
            0x00, 0x00,
        ];
        Assert.Equal(expected, bytes);
        Assert.Equal(annotations, WfdbAnnotationReader.Parse(bytes, "mem"));
    }

    [Fact]
    public void Should_Reject_Bad_Signals_And_Annotations_With_Clear_Messages()
    {
        using var tmp = new TempDirectory();
        var ok = new WfdbWriterSignal("i", [1, 2], 200);

        Assert.Throws<ArgumentException>(() => WfdbWriter.WriteRecord(tmp.Path, "a b", 500, [ok]));
        var lengths = Assert.Throws<ArgumentException>(() => WfdbWriter.WriteRecord(tmp.Path, "r", 500, [ok, new WfdbWriterSignal("ii", [1], 200)]));
        Assert.Contains("same length", lengths.Message);
        var range = Assert.Throws<ArgumentException>(() => WfdbWriter.WriteRecord(tmp.Path, "r", 500, [new WfdbWriterSignal("i", [40000], 200)]));
        Assert.Contains("40000", range.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => WfdbWriterSignal.FromPhysical("i", [200.0], 200));
        var mismatch = Assert.Throws<ArgumentException>(() => WfdbWriter.EncodeAnnotations([new WfdbAnnotation(5, "N", 24)]));
        Assert.Contains("symbol 'N' is code 1", mismatch.Message);
        Assert.Throws<ArgumentException>(() => WfdbWriter.EncodeAnnotations([new WfdbAnnotation(5, "[60]", 60)]));
        Assert.Empty(Directory.GetFiles(tmp.Path));
    }
}
