using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Delineation;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Delineation;

[Trait(Category.Trait, Category.Unit)]
public sealed class RecordingReaderTests
{
    [Fact]
    public void Should_Read_A_Ludb_Record_In_Millivolts_When_Given_The_Record_Path()
    {
        string record = Path.Combine(SharedData.LudbRecords, "1");
        var expected = WfdbReader.Read(record);

        var input = RecordingReader.Read(record);

        Assert.Equal("1", input.Name);
        Assert.Equal(500, input.SamplingRateHz);
        Assert.Equal(["i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6"], input.LeadNames);
        Assert.Equal(5000, input.LengthSamples);
        for (int lead = 0; lead < 12; lead++) Assert.Equal(expected.Physical(lead), input.Leads[lead]);
        Assert.Empty(input.Warnings);
        // The same record through its header or data file name.
        Assert.Equal(input.Leads[3], RecordingReader.Read(record + ".hea").Leads[3]);
        Assert.Equal(input.Leads[3], RecordingReader.Read(record + ".dat").Leads[3]);
    }

    [Fact]
    public void Should_Keep_The_Requested_Leads_In_Order_When_Names_Differ_In_Case()
    {
        string record = Path.Combine(SharedData.LudbRecords, "1");

        var input = RecordingReader.Read(record, leads: ["V2", "II"]);

        Assert.Equal(["v2", "ii"], input.LeadNames);
        var all = RecordingReader.Read(record);
        Assert.Equal(all.Leads[7], input.Leads[0]);
        Assert.Equal(all.Leads[1], input.Leads[1]);
    }

    [Fact]
    public void Should_List_The_Available_Leads_When_A_Lead_Is_Unknown()
    {
        string record = Path.Combine(SharedData.LudbRecords, "1");

        var error = Assert.Throws<ArgumentException>(() => RecordingReader.Read(record, leads: ["II", "V7"]));

        Assert.Contains("no lead 'V7'", error.Message);
        Assert.Contains("i, ii, iii, avr, avl, avf, v1, v2, v3, v4, v5, v6", error.Message);
        Assert.Contains("1.hea", error.Message);
    }

    [Fact]
    public void Should_Fill_Invalid_Wfdb_Samples_By_Interpolation_And_Convert_Microvolts_When_The_Record_Has_Gaps()
    {
        using var dir = new TempDirectory();
        int[] digital = [0, 100, short.MinValue, short.MinValue, 400, 500, short.MinValue];
        WfdbWriter.WriteRecord(dir.Path, "gappy", 360, [new WfdbWriterSignal("MLII", digital, 1, 0, "uV")]);

        var input = RecordingReader.Read(dir.File("gappy"), fsOverride: 250);

        Assert.Equal(360, input.SamplingRateHz);
        Assert.Equal([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.5], input.Leads[0].Select(v => Math.Round(v, 12)));
        Assert.Contains(input.Warnings, w => w.Contains("3 invalid sample(s)") && w.Contains("MLII"));
        Assert.Contains(input.Warnings, w => w.Contains("250 Hz is ignored"));
    }

    [Fact]
    public void Should_Read_Named_Columns_And_Skip_The_Time_Column_When_The_Csv_Has_A_Header()
    {
        using var dir = new TempDirectory();
        string path = dir.File("rec.csv");
        File.WriteAllText(path, "time (s),I,II\n0.000,0.1,-0.2\n0.004,0.15,-0.25\n\n0.008,,-0.3\n0.012,0.25,-0.35\n");

        var input = RecordingReader.Read(path, fsOverride: 250);

        Assert.Equal("rec", input.Name);
        Assert.Equal(["I", "II"], input.LeadNames);
        Assert.Equal([0.1, 0.15, 0.2, 0.25], input.Leads[0].Select(v => Math.Round(v, 12)));
        Assert.Equal([-0.2, -0.25, -0.3, -0.35], input.Leads[1]);
        Assert.Single(input.Warnings);
    }

    [Fact]
    public void Should_Name_Leads_By_Position_When_The_Csv_Has_No_Header()
    {
        using var dir = new TempDirectory();
        string path = dir.File("plain.csv");
        File.WriteAllText(path, "1;2,5;3\n4;5;6e-1\n");

        var input = RecordingReader.Read(path, fsOverride: 500, leads: ["LEAD2"]);

        Assert.Equal(["lead2"], input.LeadNames);
        Assert.Equal([2.5, 5], input.Leads[0]);
        Assert.Equal(500, input.SamplingRateHz);
    }

    [Fact]
    public void Should_Ask_For_The_Sampling_Rate_When_A_Csv_Or_Npy_Comes_Without_One()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.csv"), "1,2\n3,4\n");
        NpyFile.Write(dir.File("b.npy"), new double[40], 40);

        var csv = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(dir.File("a.csv")));
        var npy = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(dir.File("b.npy")));

        Assert.Contains("a.csv", csv.Message);
        Assert.Contains("sampling rate", csv.Message);
        Assert.Contains("--fs", csv.Message);
        Assert.Contains("b.npy", npy.Message);
    }

    [Fact]
    public void Should_Name_The_Line_And_Column_When_A_Csv_Cell_Is_Not_A_Number()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.csv");
        File.WriteAllText(path, "I,II\n1,2\n3,x7\n");

        var error = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(path, 250));

        Assert.Equal($"{path} line 3: field 'II' is 'x7', expected a number", error.Message);
    }

    [Fact]
    public void Should_Name_The_Line_When_A_Csv_Row_Has_Too_Few_Fields()
    {
        using var dir = new TempDirectory();
        string path = dir.File("short.csv");
        File.WriteAllText(path, "I,II\n1,2\n3\n");

        var error = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(path, 250));

        Assert.Contains("line 3: 1 fields, but the header has 2", error.Message);
    }

    [Theory]
    [InlineData(new long[] { 40 }, 1)]
    [InlineData(new long[] { 3, 40 }, 3)]
    [InlineData(new long[] { 40, 3 }, 3)]
    public void Should_Read_Every_Npy_Layout_When_The_Lead_Axis_Is_Clear(long[] shape, int leads)
    {
        using var dir = new TempDirectory();
        string path = dir.File("x.npy");
        // value = 100·lead + time, laid out as the shape says.
        var data = new float[shape.Aggregate(1L, (a, b) => a * b)];
        bool timeFirst = shape.Length == 2 && shape[0] == 40;
        for (int lead = 0; lead < leads; lead++)
        {
            for (int t = 0; t < 40; t++) data[timeFirst ? t * leads + lead : lead * 40 + t] = 100 * lead + t;
        }
        NpyFile.Write(path, data, shape);

        var input = RecordingReader.Read(path, 100);

        Assert.Equal(leads, input.LeadCount);
        Assert.Equal(40, input.LengthSamples);
        for (int lead = 0; lead < leads; lead++)
        {
            Assert.Equal($"lead{lead + 1}", input.LeadNames[lead]);
            Assert.Equal(Enumerable.Range(0, 40).Select(t => (double)(100 * lead + t)), input.Leads[lead]);
        }
    }

    [Fact]
    public void Should_Refuse_An_Npy_Shape_Whose_Lead_Axis_Is_Ambiguous()
    {
        using var dir = new TempDirectory();
        string path = dir.File("square.npy");
        NpyFile.Write(path, new float[20 * 30], 20, 30);

        var error = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(path, 100));

        Assert.Contains("square.npy", error.Message);
        Assert.Contains("'shape' is (20, 30)", error.Message);
    }

    [Fact]
    public void Should_Say_What_Is_Missing_When_The_Path_Is_Not_A_Recording()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("notes.txt"), "hello");

        Assert.Throws<FileNotFoundException>(() => RecordingReader.Read(dir.File("nothing")));
        var unsupported = Assert.Throws<NotSupportedException>(() => RecordingReader.Read(dir.File("notes.txt")));
        Assert.Contains("notes.txt", unsupported.Message);
    }

    [Fact]
    public void Should_Skip_A_Lead_Without_Valid_Samples_And_Refuse_A_Recording_Without_Any()
    {
        using var dir = new TempDirectory();
        string mixed = dir.File("mixed.csv"), empty = dir.File("empty.csv");
        File.WriteAllLines(mixed, ["I,II", .. Enumerable.Range(0, 1000).Select(i => $"NaN,{Math.Sin(i * 0.01):0.###}")]);
        File.WriteAllLines(empty, ["I", .. Enumerable.Range(0, 1000).Select(_ => "NaN")]);

        var input = RecordingReader.Read(mixed, fsOverride: 500);
        var error = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(empty, fsOverride: 500));

        Assert.Equal(["II"], input.LeadNames);
        Assert.Contains(input.Warnings, w => w.Contains("column 'I'") && w.Contains("skipped"));
        Assert.Equal($"{empty}: no lead has a valid sample (all 1 are empty or NaN)", error.Message);
    }

    [Fact]
    public void Should_Refuse_A_Recording_Shorter_Than_One_Beat()
    {
        using var dir = new TempDirectory();
        string one = dir.File("one.csv"), second = dir.File("second.csv");
        File.WriteAllLines(one, ["I,II", "0.1,0.2"]);
        File.WriteAllLines(second, ["I", .. Enumerable.Range(0, 500).Select(i => $"{Math.Sin(i * 0.01):0.###}")]);

        var error = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(one, fsOverride: 500).RequireDelineableLength());

        Assert.StartsWith($"{one}: recording is 1 sample(s) at 500 Hz (0.002 s); delineation needs at least 1 s", error.Message);
        RecordingReader.Read(second, fsOverride: 500).RequireDelineableLength();
    }
}
