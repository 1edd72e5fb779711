using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Wfdb;

[Trait(Category.Trait, Category.Unit)]
public sealed class WfdbHeaderParserTests
{
    [Fact]
    public void Should_Read_Ludb_Header_Fields_And_Comments()
    {
        string path = Path.Combine(SharedData.LudbRecords, "1.hea");

        var header = WfdbHeaderParser.Read(path);

        Assert.Equal("1", header.RecordName);
        Assert.Equal(12, header.SignalCount);
        Assert.Equal(500.0, header.SamplingFrequencyHz);
        Assert.Null(header.CounterFrequencyHz);
        Assert.Equal(5000, header.SampleCount);
        Assert.Null(header.BaseTime);
        var ii = header.Signals[1];
        Assert.Equal(new WfdbSignalSpec("1.dat", 16, 1, 0, 0, 1206, 2, "mV", 0, 0, 25, 12402, 0, "ii"), ii);
        Assert.Equal(new[] { "i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6" },
            header.Signals.Select(s => s.Description));
        Assert.Equal("<age>: 51", header.Comments[0]);
        Assert.Contains("Rhythm: Sinus bradycardia.", header.Comments);
        Assert.Equal(path, header.HeaderPath);
    }

    [Fact]
    public void Should_Read_Counter_Frequency_And_Default_Units_When_Header_Is_Qtdb_Style()
    {
        var header = WfdbHeaderParser.Read(Path.Combine(SharedData.QtdbRecords, "sel100.hea"));
        var sel30 = WfdbHeaderParser.Read(Path.Combine(SharedData.QtdbRecords, "sel30.hea"));

        Assert.Equal(250.0, header.SamplingFrequencyHz);
        Assert.Equal(360.0, header.CounterFrequencyHz);
        Assert.Equal(225000, header.SampleCount);
        Assert.Equal(new WfdbSignalSpec("sel100.dat", 212, 1, 0, 0, 200, 0, "mV", 11, 1024, 945, -13873, 0, "MLII"), header.Signals[0]);
        Assert.Equal("V5", header.Signals[1].Description);
        Assert.Equal(" 69 M 1085 1629 x1", header.Comments[0]);
        // "200" without "(baseline)": baseline = ADC zero; description with spaces runs to the end of the line.
        Assert.Equal(0, sel30.Signals[0].Baseline);
        Assert.Equal("record 30, signal 0", sel30.Signals[0].Description);
        Assert.Equal(224993, sel30.SampleCount);
    }

    [Fact]
    public void Should_Read_Decimal_Gain_And_Unsigned_Checksum_When_Header_Is_PtbXl_Style()
    {
        var header = WfdbHeaderParser.Read(Path.Combine(SharedData.PtbXlRecords, "records500", "00000", "00001_hr.hea"));

        var iii = header.Signals[2];
        Assert.Equal(1000.0, iii.Gain);
        Assert.Equal(0, iii.Baseline);
        Assert.Equal(16, iii.AdcResolution);
        Assert.Equal(64050, iii.Checksum);
        Assert.Equal("III", iii.Description);
    }

    [Fact]
    public void Should_Fill_Wfdb_Defaults_When_Optional_Fields_Are_Missing()
    {
        var header = WfdbHeaderParser.Parse("rec 2\nrec.dat 16\nrec.dat 16 0 10 512\n", "mem/rec.hea");

        Assert.Equal(250.0, header.SamplingFrequencyHz);
        Assert.Equal(0, header.SampleCount);
        var bare = header.Signals[0];
        Assert.Equal(new WfdbSignalSpec("rec.dat", 16, 1, 0, 0, 200, 0, "mV", 12, 0, 0, null, 0, "record rec, signal 0",
            IsCalibrated: false, HasInitialValue: false), bare);
        var zeroGain = header.Signals[1];
        Assert.Equal(200, zeroGain.Gain);
        Assert.False(zeroGain.IsCalibrated);
        Assert.Equal(10, zeroGain.AdcResolution);
        Assert.Equal(512, zeroGain.AdcZero);
        Assert.Equal(512, zeroGain.Baseline);
        Assert.Equal(512, zeroGain.InitialValue);
        Assert.Equal("record rec, signal 1", zeroGain.Description);
    }

    [Theory]
    [InlineData(80, 8)]
    [InlineData(160, 16)]
    [InlineData(212, 12)]
    [InlineData(310, 10)]
    [InlineData(311, 10)]
    [InlineData(16, 12)]
    [InlineData(24, 12)]
    public void Should_Default_Adc_Resolution_By_Format_When_Field_Is_Missing(int format, int bits)
    {
        var header = WfdbHeaderParser.Parse($"r 1 100 10\nr.dat {format} 100\n", "r.hea");

        Assert.Equal(bits, header.Signals[0].AdcResolution);
    }

    [Fact]
    public void Should_Parse_Every_Optional_Part_Of_Record_And_Signal_Lines()
    {
        string text = "#wfdb 10.7\n\n  rec 1 1000.5/2000(-12.5) 42 13:05:07.25 24/12/1999\n" +
                      "# a comment between lines\r\n" +
                      "sig.dat 16x2:100+512 200.5(500)/uV 12 2048 7 -3 0 Channel A  (left)  \r\n";

        var header = WfdbHeaderParser.Parse(text, "rec.hea");

        Assert.Equal(1000.5, header.SamplingFrequencyHz);
        Assert.Equal(2000.0, header.CounterFrequencyHz);
        Assert.Equal(-12.5, header.BaseCounterValue);
        Assert.Equal(42, header.SampleCount);
        Assert.Equal(new TimeSpan(0, 13, 5, 7, 250), header.BaseTime);
        Assert.Equal(new DateOnly(1999, 12, 24), header.BaseDate);
        Assert.Equal(new[] { "wfdb 10.7", " a comment between lines" }, header.Comments);
        // Skew 100 samples at 2 samples per frame is 50 frames.
        Assert.Equal(new WfdbSignalSpec("sig.dat", 16, 2, 50, 512, 200.5, 500, "uV", 12, 2048, 7, -3, 0, "Channel A  (left)"), header.Signals[0]);
    }

    [Theory]
    [InlineData("r 1 250\nr.dat 999 200\n", "format", 2, "999")]
    [InlineData("r 1 250\nr.dat 508 200\n", "format", 2, "FLAC")]
    [InlineData("r 1 250\nr.dat 16 abc(0)/mV\n", "gain", 2, "'abc'")]
    [InlineData("r 1 250\nr.dat 16 200(x)/mV\n", "baseline", 2, "'x'")]
    [InlineData("r 1 250\nr.dat 16y2 200\n", "format", 2, "16y2")]
    [InlineData("r 1 250\nr.dat 16 200 12 0 1.5\n", "initial value", 2, "'1.5'")]
    [InlineData("r 1 250\nr.dat 16 200 12 0 1 abc\n", "checksum", 2, "'abc'")]
    [InlineData("r two 250\n", "signal count", 1, "'two'")]
    [InlineData("r 1 fast\n", "sampling frequency", 1, "'fast'")]
    [InlineData("r 1 0\n", "sampling frequency", 1, "positive")]
    [InlineData("r 1 250 -5\n", "sample count", 1, "'-5'")]
    [InlineData("r 1 250 10 25:xx\n", "base time", 1, "25:xx")]
    [InlineData("r 1 250 10 10:00:00 31/02/2000\n", "base date", 1, "31/02/2000")]
    [InlineData("r 2 250\nr.dat 16\nr.dat 212\n", "format", 3, "same file")]
    [InlineData("r 3 250\nr.dat 16\n# only one signal line\n", "signal line", null, "says 3 signals")]
    [InlineData("r/3 0 250 1000\nseg1 500\nseg2 500\n", "record name", 1, "multi-segment records are not supported")]
    [InlineData("# only comments\n\n", "record line", null, "missing")]
    [InlineData("justonetoken\n", "signal count", 1, "missing")]
    public void Should_Name_File_Line_And_Field_When_Header_Is_Malformed(string text, string field, int? line, string detail)
    {
        var error = Assert.Throws<WfdbFormatException>(() => WfdbHeaderParser.Parse(text, "dir/r.hea"));

        Assert.Equal("dir/r.hea", error.FilePath);
        Assert.Equal(field, error.Field);
        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith("dir/r.hea", error.Message);
        Assert.Contains($"field '{field}'", error.Message);
        Assert.Contains(detail, error.Message);
    }

    [Fact]
    public void Should_Reject_Garbage_Bytes_With_A_Clear_Error()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("junk.hea");
        var random = new Random(7);
        var bytes = new byte[300];
        random.NextBytes(bytes);
        bytes[0] = 0x89; // not '#', so the parser must look at it as a record line
        File.WriteAllBytes(path, bytes);
        string pngLike = tmp.File("png.hea");
        File.WriteAllBytes(pngLike, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H']);

        var error = Assert.Throws<WfdbFormatException>(() => WfdbHeaderParser.Read(path));
        var png = Assert.Throws<WfdbFormatException>(() => WfdbHeaderParser.Read(pngLike));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Equal("record line", png.Field);
        Assert.Contains("binary data", png.Message);
    }

    [Fact]
    public void Should_Name_The_File_When_Header_Does_Not_Exist()
    {
        var error = Assert.Throws<WfdbFormatException>(() => WfdbHeaderParser.Read("/nonexistent/dir/none.hea"));

        Assert.Equal("/nonexistent/dir/none.hea", error.FilePath);
        Assert.Contains("not found", error.Message);
    }
}
