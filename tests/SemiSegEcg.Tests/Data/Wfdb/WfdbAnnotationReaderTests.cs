using System.Text.Json;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Wfdb;

[Trait(Category.Trait, Category.Unit)]
public sealed class WfdbAnnotationReaderTests
{
    private static readonly string[] LudbLeads = ["i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6"];
    private static readonly string[] QtdbAnnotators = ["atr", "man", "pu", "pu0", "pu1", "q1c", "q2c", "qt1", "qt2"];

    [SkippableFact]
    public void Should_Count_Every_Ludb_Wave_Symbol_Over_All_2400_Lead_Files()
    {
        string root = SharedData.WholeLudb;
        var counts = new Dictionary<string, int>();
        int files = 0;

        for (int record = 1; record <= 200; record++)
        {
            foreach (string lead in LudbLeads)
            {
                var annotations = WfdbAnnotationReader.Read(Path.Combine(root, $"{record}.{lead}"));
                files++;
                Assert.All(annotations, a => Assert.InRange(a.Sample, 0, 4999));
                foreach (var a in annotations) counts[a.Symbol] = counts.GetValueOrDefault(a.Symbol) + 1;
            }
        }

        Assert.Equal(2400, files);
        Assert.Equal(16797, counts["p"]);
        Assert.Equal(21965, counts["N"]);
        Assert.Equal(19661, counts["t"]);
        Assert.Equal(58321, counts["("]);
        Assert.Equal(58423, counts[")"]);
        Assert.Equal(5, counts.Count);
    }

    [Theory]
    [InlineData("ludb_1_ii")]
    [InlineData("ludb_2_v1")]
    public void Should_Give_The_Reference_Wave_Triplets_Of_Fixture_Lead(string tag)
    {
        string dir = Path.Combine(SharedData.ReferenceFixtures, "preprocessing");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "preprocessing.json")));
        var fixture = json.RootElement.GetProperty("cases").GetProperty(tag);
        var expected = fixture.GetProperty("waves").EnumerateArray()
            .Select(w => (w.GetProperty("onset").GetInt64(), w.GetProperty("peak").GetInt64(), w.GetProperty("offset").GetInt64(), w.GetProperty("symbol").GetString()!))
            .ToList();
        string path = Path.Combine(SharedData.LudbRecords, $"{fixture.GetProperty("record").GetInt32()}.{fixture.GetProperty("lead").GetString()}");

        var annotations = WfdbAnnotationReader.Read(path);

        var triplets = new List<(long, long, long, string)>();
        for (int i = 0; i + 2 < annotations.Count; i++)
        {
            if (annotations[i].Symbol == "(" && annotations[i + 2].Symbol == ")")
            {
                triplets.Add((annotations[i].Sample, annotations[i + 1].Sample, annotations[i + 2].Sample, annotations[i + 1].Symbol));
                i += 2;
            }
        }
        Assert.Equal(expected, triplets);
        Assert.Equal(3 * expected.Count, annotations.Count);
    }

    [SkippableFact]
    public void Should_Read_Every_Qtdb_Annotation_File_Within_Its_Record()
    {
        string root = SharedData.WholeQtdb;
        var q1cCounts = new Dictionary<string, int>();
        int files = 0, q1cFiles = 0, rhythmChanges = 0;

        foreach (string header in Directory.GetFiles(root, "sel*.hea"))
        {
            var record = WfdbHeaderParser.Read(header);
            foreach (string annotator in QtdbAnnotators)
            {
                string path = Path.ChangeExtension(header, annotator);
                if (!File.Exists(path)) continue;
                var annotations = WfdbAnnotationReader.Read(path);
                files++;
                long previous = 0;
                foreach (var a in annotations)
                {
                    if (a.Sample < previous || a.Sample >= record.SampleCount)
                        Assert.Fail($"{path}: annotation at {a.Sample} is out of order or outside 0..{record.SampleCount - 1}");
                    previous = a.Sample;
                }
                if (annotator == "atr")
                {
                    var rhythm = annotations.Where(a => a.Code == AnnotationCodes.Rhythm).ToList();
                    Assert.All(rhythm, a => Assert.StartsWith("(", a.Aux));
                    rhythmChanges += rhythm.Count;
                }
                if (annotator == "q1c")
                {
                    q1cFiles++;
                    foreach (var a in annotations) q1cCounts[a.Symbol] = q1cCounts.GetValueOrDefault(a.Symbol) + 1;
                }
            }
        }

        Assert.Equal(105, q1cFiles);
        Assert.True(files > 600, $"only {files} annotation files");
        Assert.Equal(224, rhythmChanges);
        Assert.Equal(3194, q1cCounts["p"]);
        Assert.Equal(3528, q1cCounts["N"]);
        Assert.Equal(3542, q1cCounts["t"]);
        Assert.Equal(8336, q1cCounts["("]);
        Assert.Equal(11180, q1cCounts[")"]);
    }

    [Fact]
    public void Should_Read_First_Sel100_Q1c_Annotation_After_A_Skip()
    {
        string root = SharedData.QtdbRecords;
        var header = WfdbHeaderParser.Read(Path.Combine(root, "sel100.hea"));

        var annotations = WfdbAnnotationReader.Read(Path.Combine(root, "sel100.q1c"));

        // The file starts with SKIP 150272 (bytes 00 EC | 02 00 00 4B), then '(' with delta 0.
        Assert.Equal(new WfdbAnnotation(150272, "(", 39), annotations[0]);
        Assert.Equal(new WfdbAnnotation(150290, "p", 24), annotations[1]);
        Assert.Equal(new WfdbAnnotation(150297, ")", 40), annotations[2]);
        Assert.Equal(new WfdbAnnotation(150330, "N", 1, Number: 1), annotations[4]);
        // 150272 samples at 250 Hz: the annotated stretch starts 601.088 s into the 900 s record.
        Assert.Equal(601.088, annotations[0].Sample / header.SamplingFrequencyHz, 9);
        Assert.Equal(900.0, header.SampleCount / header.SamplingFrequencyHz);
    }

    [Fact]
    public void Should_Apply_Skip_Num_Sub_Chn_And_Aux_As_Wfdb_Does()
    {
        byte[] bytes =
        [
            .. Word(1, 100),                       // N at 100
            .. Word(60, 5),                        // NUM 5 (this and later annotations)
            .. Word(62, 2),                        // CHN 2 (this and later annotations)
            .. Word(61, 0xFF),                     // SUB −1 (this annotation only)
            .. Word(63, 3), (byte)'(', (byte)'N', 0, 0, // AUX "(N" + NUL, padded
            .. Word(59, 0), 0x01, 0x00, 0xA0, 0x01,   // SKIP 0x000101A0: high word 0x0001, then low word 0x01A0
            .. Word(24, 7),                        // p at 100 + skip + 7
            .. Word(27, 1023),                     // t at +1023
            .. Word(60, 0x80),                     // NUM −128
            .. Word(0, 0),
        ];

        var annotations = WfdbAnnotationReader.Parse(bytes, "mem.ann");

        long skip = (1L << 16) | 0x1A0;
        Assert.Equal(
            new[]
            {
                new WfdbAnnotation(100, "N", 1, SubType: -1, Channel: 2, Number: 5, Aux: "(N"),
                new WfdbAnnotation(100 + skip + 7, "p", 24, Channel: 2, Number: 5),
                new WfdbAnnotation(100 + skip + 7 + 1023, "t", 27, Channel: 2, Number: -128),
            },
            annotations);
    }

    [Fact]
    public void Should_Accept_End_Of_File_Without_Terminator_And_Negative_Skip()
    {
        byte[] bytes = [.. Word(1, 500), .. Word(59, 0), 0xFF, 0xFF, 0x9C, 0xFF, .. Word(5, 0)]; // SKIP −100 = 0xFFFF_FF9C

        var annotations = WfdbAnnotationReader.Parse(bytes, "mem.ann");

        Assert.Equal(new[] { 500L, 400L }, annotations.Select(a => a.Sample));
        Assert.Equal("V", annotations[1].Symbol);
    }

    [Theory]
    [InlineData(new byte[] { 0x64, 0x04, 0x00 }, "annotation word", "odd")]
    [InlineData(new byte[] { 0x64, 0x04, 0x05, 0xFC, (byte)'(', (byte)'N', (byte)'O' }, "AUX", "5 bytes")]
    [InlineData(new byte[] { 0x64, 0x04, 0x00, 0xEC, 0x00, 0x01 }, "SKIP", "4-byte interval")]
    public void Should_Name_File_And_Field_When_Annotation_File_Is_Cut(byte[] bytes, string field, string detail)
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("cut.atr");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<WfdbFormatException>(() => WfdbAnnotationReader.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(field, error.Field);
        Assert.Contains(path, error.Message);
        Assert.Contains(detail, error.Message);
    }

    [Fact]
    public void Should_Name_File_When_Real_Annotation_Is_Cut_Mid_Word()
    {
        using var tmp = new TempDirectory();
        byte[] bytes = File.ReadAllBytes(Path.Combine(SharedData.LudbRecords, "1.ii"));
        File.WriteAllBytes(tmp.File("1.ii"), bytes[..^3]);

        var error = Assert.Throws<WfdbFormatException>(() => WfdbAnnotationReader.Read(tmp.File("1.ii")));

        Assert.Equal("annotation word", error.Field);
        Assert.Contains("1.ii", error.Message);
    }

    [Fact]
    public void Should_Name_The_File_When_Annotation_File_Is_Missing()
    {
        var error = Assert.Throws<WfdbFormatException>(() => WfdbAnnotationReader.Read("/nonexistent/x.atr"));

        Assert.Equal("/nonexistent/x.atr", error.FilePath);
    }

    private static byte[] Word(int code, int data)
    {
        int word = code << 10 | data;
        return [(byte)word, (byte)(word >> 8)];
    }
}
