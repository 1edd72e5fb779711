using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Wfdb;

[Trait(Category.Trait, Category.Unit)]
public sealed class WfdbRecordTests
{
    [Fact]
    public void Should_Find_Signals_By_Description_Ignoring_Case()
    {
        var record = WfdbReader.Read(Path.Combine(SharedData.LudbRecords, "1.hea"));

        Assert.Equal(1, record.SignalIndex("ii"));
        Assert.Equal(1, record.SignalIndex("II"));
        Assert.Equal(3, record.SignalIndex("aVR"));
        var error = Assert.Throws<ArgumentException>(() => record.SignalIndex("MLII"));
        Assert.Contains("'MLII'", error.Message);
        Assert.Contains("i, ii, iii, avr, avl, avf, v1, v2, v3, v4, v5, v6", error.Message);
    }

    [Fact]
    public void Should_Compute_Physical_As_Digital_Minus_Baseline_Over_Gain()
    {
        var record = WfdbReader.Read(Path.Combine(SharedData.LudbRecords, "1"));

        double[] ii = record.Physical(1);

        Assert.Equal(5000, ii.Length);
        Assert.Equal((25 - 2) / 1206.0, ii[0]);
        Assert.Equal((97 - 2) / 1206.0, ii[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => record.Physical(12));
    }

    [Fact]
    public void Should_Report_Each_Checksum_And_Initial_Value_Mismatch()
    {
        using var tmp = new TempDirectory();
        WfdbReaderTests.CopyLudbRecord(1, tmp);
        string header = File.ReadAllText(tmp.File("1.hea"))
            .Replace("1206(2)/mV 0 0 25 12402 0 ii", "1206(2)/mV 0 0 26 12403 0 ii")
            .Replace("1372(-1)/mV 0 0 150 -1105 0 v1", "1372(-1)/mV 0 0 150 64431 0 v1"); // same 16 bits, unsigned
        File.WriteAllText(tmp.File("1.hea"), header);

        var problems = WfdbReader.Read(tmp.File("1")).VerifyAgainstHeader();

        Assert.Equal(2, problems.Count);
        Assert.Contains("signal 1 ('ii', 1.dat): checksum of 5000 samples is 12402, header says 12403", problems[0]);
        Assert.Contains("signal 1 ('ii', 1.dat): first sample is 25, header initial value is 26", problems[1]);
    }
}
