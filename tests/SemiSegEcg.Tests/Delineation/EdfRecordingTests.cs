using SemiSegEcg.Data.Edf;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.Delineation;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Delineation;

/// <summary>EDF/EDF+ recordings: a real LUDB record exported to EDF reads back as its WFDB original, and malformed files are refused by field.</summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class EdfRecordingTests : IDisposable
{
    private readonly TempDirectory _tmp = new("edf");

    public void Dispose() => _tmp.Dispose();

    /// <summary>LUDB record 1 as an EDF+ file would hold it: 1-s records, digital values as stored, the physical range from each lead's gain and baseline.</summary>
    private static List<EdfFile.Signal> LudbRecordOneAsEdf(out WfdbRecord record)
    {
        record = WfdbReader.Read(Path.Combine(SharedData.LudbRecords, "1"));
        var signals = new List<EdfFile.Signal>();
        for (int s = 0; s < record.SignalCount; s++)
        {
            var spec = record.Header.Signals[s];
            signals.Add(new EdfFile.Signal($"ECG {spec.Description.ToUpperInvariant()}", "uV",
                (short.MinValue - spec.Baseline) / spec.Gain * 1000, (short.MaxValue - spec.Baseline) / spec.Gain * 1000,
                short.MinValue, short.MaxValue, 500, record.Digital[s].Select(d => checked((short)d)).ToArray()));
        }
        return signals;
    }

    [Fact]
    public void Should_Read_A_Real_Record_Exported_To_Edf_As_Its_Wfdb_Original_In_Millivolts()
    {
        // Given: LUDB record 1 (12 leads, 10 s at 500 Hz) written as EDF+C with a 1-Hz annotation channel
        var signals = LudbRecordOneAsEdf(out var record);
        signals.Add(new EdfFile.Signal("EDF Annotations", "", -1, 1, -32768, 32767, 30, new short[10 * 30]));
        string path = _tmp.File("ludb-1.edf");
        File.WriteAllBytes(path, EdfFile.Bytes(signals, recordSeconds: 1, reserved: "EDF+C"));

        // When
        var input = RecordingReader.Read(path);

        // Then: the same leads, rate and millivolts as the WFDB record (to 0.2 µV, a third of the record's quantisation
        // step: EDF stores the physical range in 8 characters); the annotation channel is not a lead
        Assert.Equal("ludb-1", input.Name);
        Assert.Equal(500, input.SamplingRateHz);
        Assert.Equal(["I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"], input.LeadNames);
        for (int lead = 0; lead < 12; lead++)
        {
            double[] expected = record.Physical(lead);
            Assert.Equal(expected.Length, input.Leads[lead].Length);
            for (int t = 0; t < expected.Length; t++) Assert.Equal(expected[t], input.Leads[lead][t], 2e-4);
        }
        Assert.Empty(input.Warnings);
        // Lead selection works on the EDF names as on any input.
        Assert.Equal(input.Leads[1], RecordingReader.Read(path, leads: ["ii"]).Leads[0]);
    }

    [Fact]
    public void Should_Derive_An_Unknown_Record_Count_And_Leave_Out_A_Signal_At_Another_Rate_With_A_Warning()
    {
        var signals = LudbRecordOneAsEdf(out _).Take(2).ToList();
        signals.Add(new EdfFile.Signal("Resp", "mV", -10, 10, -32768, 32767, 25, new short[10 * 25]));
        string path = _tmp.File("mixed.edf");
        File.WriteAllBytes(path, EdfFile.Bytes(signals, recordSeconds: 1, records: -1));

        var input = RecordingReader.Read(path, fsOverride: 250);

        Assert.Equal(["I", "II"], input.LeadNames);
        Assert.Equal(5000, input.LengthSamples);
        Assert.Equal(10, EdfReader.Read(path).Header.DataRecords);
        Assert.Contains(input.Warnings, w => w.Contains("signal 'Resp' is sampled at 25 Hz, not the 500 Hz of the others; left out", StringComparison.Ordinal));
        Assert.Contains(input.Warnings, w => w.Contains("the header's sampling rate 500 Hz is used; the given 250 Hz is ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Map_Digital_To_Physical_With_The_Header_Ranges()
    {
        // Digital −100..100 onto −1..1 mV: digital 50 is 0.5 mV, digital −100 is −1 mV.
        var signal = new EdfFile.Signal("ECG II", "mV", -1, 1, -100, 100, 4, [50, -100, 100, 0, 1, 2, 3, 4]);
        string path = _tmp.File("map.edf");
        File.WriteAllBytes(path, EdfFile.Bytes([signal], recordSeconds: 0.01));

        var edf = EdfReader.Read(path);

        double[] expected = [0.5, -1, 1, 0, 0.01, 0.02, 0.03, 0.04];
        Assert.Equal(expected.Length, edf.Physical[0].Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], edf.Physical[0][i], 1e-12);
        Assert.Equal(400, edf.Header.SamplingRateHz(0));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "version", "field 'version' is 'X', expected '0' (not an EDF file?)" },
        { "truncated", "field 'number of data records' says 20 records of 1000 bytes, but the file holds 10000 bytes of data (truncated?)" },
        { "flat-range", "signal 1 'ECG I': digital range [0, 0] and physical range [-1, 1] give no scale" },
        { "discontinuous", "field 'reserved' is EDF+D: a discontinuous recording" },
        { "short", "shorter than the 256-byte EDF header" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Should_Refuse_A_Malformed_File_Naming_The_Field(string defect, string message)
    {
        var lead = LudbRecordOneAsEdf(out _)[0];
        byte[] bytes = defect switch
        {
            "version" => EdfFile.Bytes([lead], 1, version: "X"),
            "truncated" => EdfFile.Bytes([lead], 1, records: 20),
            "flat-range" => EdfFile.Bytes([lead with { DigitalMin = 0, DigitalMax = 0, PhysicalMin = -1, PhysicalMax = 1 }], 1),
            "discontinuous" => EdfFile.Bytes([lead], 1, reserved: "EDF+D"),
            _ => new byte[100],
        };
        string path = _tmp.File($"{defect}.edf");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
