using System.Diagnostics;
using System.Text.Json;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Data.Wfdb;

[Trait(Category.Trait, Category.Unit)]
public sealed class WfdbReaderTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Should_Read_Every_Ludb_Record_With_Matching_Checksums_And_Initial_Values()
    {
        string root = SharedData.WholeLudb;
        var watch = Stopwatch.StartNew();

        var records = Enumerable.Range(1, 200).Select(i => WfdbReader.Read(Path.Combine(root, i.ToString()))).ToList();

        watch.Stop();
        output.WriteLine($"LUDB: 200 records in {watch.ElapsedMilliseconds} ms");
        Assert.All(records, r =>
        {
            Assert.Equal(12, r.SignalCount);
            Assert.Equal(5000, r.SampleCount);
            Assert.All(r.Digital, d => Assert.Equal(5000, d.Length));
            Assert.Empty(r.VerifyAgainstHeader());
        });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"reading LUDB took {watch.Elapsed}");
    }

    [SkippableFact]
    public void Should_Read_Every_Qtdb_Record_Including_Short_Files()
    {
        string root = SharedData.WholeQtdb;
        string[] headers = Directory.GetFiles(root, "sel*.hea").Order(StringComparer.Ordinal).ToArray();
        var watch = Stopwatch.StartNew();

        var records = headers.Select(WfdbReader.Read).ToList();

        watch.Stop();
        output.WriteLine($"QTDB: {records.Count} records in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(105, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal(2, r.SignalCount);
            Assert.Equal(212, r.Header.Signals[0].Format);
            Assert.Equal(r.Header.SampleCount, r.SampleCount);
            Assert.Empty(r.VerifyAgainstHeader());
        });
        // 224,999 frames of 2 × 12 bits = 674,997 bytes: the file ends exactly on the last whole pair.
        var shortRecords = records.Where(r => r.SampleCount == 224999).ToList();
        Assert.NotEmpty(shortRecords);
        Assert.All(shortRecords, r => Assert.Equal(674997, new FileInfo(Path.Combine(root, r.Header.Signals[0].FileName)).Length));
    }

    [SkippableFact]
    public void Should_Read_Every_PtbXl_Record_With_Unsigned_Header_Checksums()
    {
        string dir = Path.Combine(SharedData.WholePtbXl, "records500", "00000");
        string[] headers = Directory.GetFiles(dir, "*_hr.hea").Order(StringComparer.Ordinal).ToArray();
        var watch = Stopwatch.StartNew();

        var records = headers.Select(WfdbReader.Read).ToList();

        watch.Stop();
        output.WriteLine($"PTB-XL: {records.Count} records in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(500, records.Count);
        Assert.Contains(records, r => r.Header.Signals.Any(s => s.Checksum > short.MaxValue));
        Assert.All(records, r =>
        {
            Assert.Equal(12, r.SignalCount);
            Assert.Equal(5000, r.SampleCount);
            Assert.Equal("I", r.Header.Signals[0].Description);
            Assert.Empty(r.VerifyAgainstHeader());
        });
    }

    [Theory]
    [InlineData("ludb_1_ii")]
    [InlineData("ludb_2_v1")]
    public void Should_Match_Reference_Physical_Signal_And_Header_Of_Fixture(string tag)
    {
        string dir = Path.Combine(SharedData.ReferenceFixtures, "preprocessing");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "preprocessing.json")));
        var fixture = json.RootElement.GetProperty("cases").GetProperty(tag);
        var expectedHeader = fixture.GetProperty("header");
        string lead = fixture.GetProperty("lead").GetString()!;
        float[] expected = NpyFile.Read(Path.Combine(dir, $"{tag}_signal_500hz.npy")).AsFloat32();

        var record = WfdbReader.Read(Path.Combine(SharedData.LudbRecords, fixture.GetProperty("record").GetInt32() + ".hea"));
        int s = record.SignalIndex(lead);
        var spec = record.Header.Signals[s];
        double[] physical = record.Physical(s);

        Assert.Equal(fixture.GetProperty("lead_index").GetInt32(), s);
        Assert.Equal(expectedHeader.GetProperty("gain").GetDouble(), spec.Gain);
        Assert.Equal(expectedHeader.GetProperty("baseline").GetInt32(), spec.Baseline);
        Assert.Equal(expectedHeader.GetProperty("units").GetString(), spec.Units);
        Assert.Equal(expectedHeader.GetProperty("initval").GetInt32(), spec.InitialValue);
        Assert.Equal(expectedHeader.GetProperty("checksum").GetInt32(), spec.Checksum);
        Assert.Equal(expectedHeader.GetProperty("fs").GetDouble(), record.Header.SamplingFrequencyHz);
        Assert.Equal(expectedHeader.GetProperty("nsamp").GetInt64(), record.SampleCount);
        Assert.Equal(expectedHeader.GetProperty("nsig").GetInt32(), record.SignalCount);
        int[] rawFirst5 = fixture.GetProperty("raw_first5").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(rawFirst5, record.Digital[s][..5]);
        Assert.Equal(expected.Length, physical.Length);
        double maxRelative = 0, maxAbsolute = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double diff = Math.Abs((float)physical[i] - expected[i]);
            maxAbsolute = Math.Max(maxAbsolute, diff);
            maxRelative = Math.Max(maxRelative, diff / Math.Max(Math.Abs(expected[i]), 1e-30));
        }
        output.WriteLine($"{tag}: max abs error {maxAbsolute:E3}, max relative error {maxRelative:E3}");
        Assert.True(maxRelative <= 1e-7, $"max relative error {maxRelative}");
    }

    [Theory]
    [MemberData(nameof(WfdbSampleFormatTests.KnownBytes), MemberType = typeof(WfdbSampleFormatTests))]
    public void Should_Read_Known_Bytes_Of_Every_Format_And_Map_Sentinels_To_NaN(int format, byte[] bytes, int[] stored)
    {
        using var tmp = new TempDirectory();
        const int initialValue = 10;
        File.WriteAllBytes(tmp.File("r.dat"), bytes);
        File.WriteAllText(tmp.File("r.hea"), $"r 1 500 {stored.Length}\nr.dat {format} 100(4)/mV 12 0 {initialValue} 0 0 lead\n");
        int[] expected = format == 8 ? RunningSum(initialValue, stored) : stored;

        var record = WfdbReader.Read(tmp.File("r"));
        double[] physical = record.Physical(0);

        Assert.Equal(expected, record.Digital[0]);
        int sentinel = WfdbSampleFormat.InvalidValue(format);
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] == sentinel) Assert.True(double.IsNaN(physical[i]), $"sample {i} should be NaN");
            else Assert.Equal((expected[i] - 4) / 100.0, physical[i]);
        }
        Assert.Equal(format != 8, physical.Any(double.IsNaN));
    }

    [Fact]
    public void Should_Deinterleave_Samples_Per_Frame_After_Byte_Offset_And_Deskew_Separate_File()
    {
        using var tmp = new TempDirectory();
        // a.dat: 4 junk bytes, then frames [s0, s0, s1]; b.dat: signal 2, skewed by one frame.
        int[] frames = [10, 11, 100, 12, 13, 101, 14, 15, 102];
        File.WriteAllBytes(tmp.File("a.dat"), [0xDE, 0xAD, 0xBE, 0xEF, .. WfdbSampleFormat.Encode(16, frames)]);
        File.WriteAllBytes(tmp.File("b.dat"), WfdbSampleFormat.Encode(16, [7, 8, 9, 10]));
        File.WriteAllText(tmp.File("r.hea"),
            "r 3 100 3\n" +
            "a.dat 16x2+4 200 16 0 10 75 0 fast\n" +
            "a.dat 16 200 16 0 100 303 0 slow\n" +
            "b.dat 16:1 200 16 0 7 24 0 skewed\n");

        var record = WfdbReader.Read(tmp.File("r.hea"));

        Assert.Equal(3, record.SampleCount);
        Assert.Equal(new[] { 10, 11, 12, 13, 14, 15 }, record.Digital[0]);
        Assert.Equal(new[] { 100, 101, 102 }, record.Digital[1]);
        Assert.Equal(new[] { 8, 9, 10 }, record.Digital[2]);
        // Checksums and initial values refer to the stored (not deskewed) samples, as in the WFDB library.
        Assert.Empty(record.VerifyAgainstHeader());
    }

    [Fact]
    public void Should_Fill_Invalid_Samples_When_A_Skewed_Signal_Runs_Past_Its_File()
    {
        using var tmp = new TempDirectory();
        File.WriteAllBytes(tmp.File("r.dat"), WfdbSampleFormat.Encode(16, [1, 50, 2, 51, 3, 52]));
        File.WriteAllText(tmp.File("r.hea"), "r 2 100 3\nr.dat 16 200 16 0 1 6 0 a\nr.dat 16:2 200 16 0 50 153 0 b\n");

        var record = WfdbReader.Read(tmp.File("r"));

        Assert.Equal(new[] { 52, -32768, -32768 }, record.Digital[1]);
        Assert.Equal(new[] { false, true, true }, record.Physical(1).Select(double.IsNaN));
        Assert.Empty(record.VerifyAgainstHeader());
    }

    [Fact]
    public void Should_Pack_212_Continuously_Across_Frames_When_A_File_Has_Three_Signals()
    {
        using var tmp = new TempDirectory();
        int[] frames = [1, -2, 3, -4, 5, -6, 2047, -2047, 0];
        byte[] bytes = WfdbSampleFormat.Encode(212, frames);
        File.WriteAllBytes(tmp.File("r.dat"), bytes);
        File.WriteAllText(tmp.File("r.hea"), "r 3 250 3\nr.dat 212 200\nr.dat 212 200\nr.dat 212 200\n");

        var record = WfdbReader.Read(tmp.File("r"));

        Assert.Equal(14, bytes.Length);
        Assert.Equal(new[] { 1, -4, 2047 }, record.Digital[0]);
        Assert.Equal(new[] { -2, 5, -2047 }, record.Digital[1]);
        Assert.Equal(new[] { 3, -6, 0 }, record.Digital[2]);
    }

    [Fact]
    public void Should_Add_Up_Format_8_Differences_Per_Signal_When_Signals_Share_A_File()
    {
        using var tmp = new TempDirectory();
        // Frames of differences [a, a, b]: signal a (2 per frame) starts at 5, signal b at −3.
        File.WriteAllBytes(tmp.File("r.dat"), WfdbSampleFormat.Encode(8, [0, 2, 0, -1, 0, -20]));
        File.WriteAllText(tmp.File("r.hea"), "r 2 100 2\nr.dat 8x2 200 8 0 5 24 0 a\nr.dat 8 200 8 0 -3 -26 0 b\n");

        var record = WfdbReader.Read(tmp.File("r"));

        Assert.Equal(new[] { 5, 7, 6, 6 }, record.Digital[0]);
        Assert.Equal(new[] { -3, -23 }, record.Digital[1]);
        Assert.Empty(record.VerifyAgainstHeader());
    }

    [Fact]
    public void Should_Read_To_The_End_Of_The_Shortest_File_When_Header_Has_No_Sample_Count()
    {
        using var tmp = new TempDirectory();
        File.WriteAllBytes(tmp.File("a.dat"), [.. WfdbSampleFormat.Encode(16, [1, 2, 3, 4, 5]), 0x77]);
        File.WriteAllBytes(tmp.File("b.dat"), WfdbSampleFormat.Encode(80, [9, 8, 7, 6]));
        File.WriteAllText(tmp.File("r.hea"), "r 2\na.dat 16\nb.dat 80\n");

        var record = WfdbReader.Read(tmp.File("r.hea"));

        Assert.Equal(0, record.Header.SampleCount);
        Assert.Equal(4, record.SampleCount);
        Assert.Equal(new[] { 1, 2, 3, 4 }, record.Digital[0]);
        Assert.Equal(new[] { 9, 8, 7, 6 }, record.Digital[1]);
    }

    [Fact]
    public void Should_Name_Dat_File_And_Sample_Count_When_Dat_Is_Truncated()
    {
        using var tmp = new TempDirectory();
        CopyLudbRecord(1, tmp);
        byte[] bytes = File.ReadAllBytes(tmp.File("1.dat"));
        File.WriteAllBytes(tmp.File("1.dat"), bytes[..^1]);

        var error = Assert.Throws<WfdbFormatException>(() => WfdbReader.Read(tmp.File("1")));

        Assert.Equal(tmp.File("1.dat"), error.FilePath);
        Assert.Equal("sample count", error.Field);
        Assert.Contains("1.dat", error.Message);
        Assert.Contains("4999 whole frames", error.Message);
    }

    [Fact]
    public void Should_Name_Dat_File_And_Sample_Count_When_Header_Claims_More_Samples()
    {
        using var tmp = new TempDirectory();
        CopyLudbRecord(1, tmp);
        string header = File.ReadAllText(tmp.File("1.hea"));
        File.WriteAllText(tmp.File("1.hea"), header.Replace("1 12 500 5000", "1 12 500 5001"));

        var error = Assert.Throws<WfdbFormatException>(() => WfdbReader.Read(tmp.File("1.hea")));

        Assert.Equal(tmp.File("1.dat"), error.FilePath);
        Assert.Equal("sample count", error.Field);
        Assert.Contains("is 5001", error.Message);
        Assert.Contains("5000 whole frames", error.Message);
    }

    [Fact]
    public void Should_Name_Missing_Dat_File()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("r.hea"), "r 1 500 10\nmissing.dat 16 200 16 0 0 0 0 ii\n");

        var error = Assert.Throws<WfdbFormatException>(() => WfdbReader.Read(tmp.File("r")));

        Assert.Equal(tmp.File("missing.dat"), error.FilePath);
        Assert.Equal("file name", error.Field);
        Assert.Contains("missing.dat", error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.Contains("r.hea", error.Message);
    }

    [Theory]
    [InlineData("r 1 500 10\nr.dat 999 200\n", "format", "999")]
    [InlineData("r 1 500 10\nr.dat 16 1e(0)/mV\n", "gain", "'1e'")]
    [InlineData("r/2 1 500 10\n", "record name", "multi-segment records are not supported")]
    [InlineData("\u0001\u0002 garbage \u00ff\u00fe\n", "signal count", "'garbage'")]
    public void Should_Name_Header_And_Field_When_Header_Is_Bad(string headerText, string field, string detail)
    {
        using var tmp = new TempDirectory();
        File.WriteAllBytes(tmp.File("r.dat"), new byte[20]);
        File.WriteAllText(tmp.File("r.hea"), headerText, System.Text.Encoding.Latin1);

        var error = Assert.Throws<WfdbFormatException>(() => WfdbReader.Read(tmp.File("r")));

        Assert.Equal(tmp.File("r.hea"), error.FilePath);
        Assert.Equal(field, error.Field);
        Assert.Contains(tmp.File("r.hea"), error.Message);
        Assert.Contains(detail, error.Message);
    }

    [Fact]
    public void Should_Name_Dat_File_When_Byte_Offset_Is_Past_Its_End()
    {
        using var tmp = new TempDirectory();
        File.WriteAllBytes(tmp.File("r.dat"), new byte[8]);
        File.WriteAllText(tmp.File("r.hea"), "r 1 500 2\nr.dat 16+100 200\n");

        var error = Assert.Throws<WfdbFormatException>(() => WfdbReader.Read(tmp.File("r")));

        Assert.Equal("byte offset", error.Field);
        Assert.Contains("r.dat", error.Message);
    }

    internal static void CopyLudbRecord(int record, TempDirectory tmp)
    {
        foreach (string ext in new[] { "hea", "dat" })
            File.Copy(Path.Combine(SharedData.LudbRecords, $"{record}.{ext}"), tmp.File($"{record}.{ext}"));
    }

    private static int[] RunningSum(int start, int[] differences)
    {
        var values = new int[differences.Length];
        int value = start;
        for (int i = 0; i < differences.Length; i++) values[i] = value += differences[i];
        return values;
    }
}
