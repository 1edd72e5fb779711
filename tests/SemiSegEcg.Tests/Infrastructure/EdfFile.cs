using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>Writes EDF files byte by byte as the format defines them, for the reader's tests.</summary>
internal static class EdfFile
{
    /// <summary>One signal: its header fields and its digital samples (whole records).</summary>
    public sealed record Signal(string Label, string Dimension, double PhysicalMin, double PhysicalMax, int DigitalMin, int DigitalMax,
        int SamplesPerRecord, short[] Digital);

    /// <summary>The most precise rendering of <paramref name="value"/> that fits an 8-character header field, as exporters write it.</summary>
    private static string EightCharacters(double value)
    {
        for (int digits = 8; digits > 0; digits--)
        {
            string text = value.ToString($"F{digits}", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
            if (text.Length <= 8) return text;
        }
        return Math.Round(value).ToString(CultureInfo.InvariantCulture);
    }

    /// <param name="records">The header's record count; null writes the true count, −1 writes "unknown".</param>
    public static byte[] Bytes(IReadOnlyList<Signal> signals, double recordSeconds, string reserved = "", long? records = null, string version = "0")
    {
        long trueRecords = signals[0].Digital.Length / signals[0].SamplesPerRecord;
        var header = new StringBuilder();
        void Field(string text, int width) => header.Append(text.PadRight(width)[..width]);
        Field(version, 8);
        Field("X X X X", 80);
        Field("Startdate X X X X", 80);
        Field("01.01.26", 8);
        Field("00.00.00", 8);
        Field(((signals.Count + 1) * 256).ToString(CultureInfo.InvariantCulture), 8);
        Field(reserved, 44);
        Field((records ?? trueRecords).ToString(CultureInfo.InvariantCulture), 8);
        Field(recordSeconds.ToString(CultureInfo.InvariantCulture), 8);
        Field(signals.Count.ToString(CultureInfo.InvariantCulture), 4);
        foreach (var s in signals) Field(s.Label, 16);
        foreach (var _ in signals) Field("AgAgCl electrode", 80);
        foreach (var s in signals) Field(s.Dimension, 8);
        foreach (var s in signals) Field(EightCharacters(s.PhysicalMin), 8);
        foreach (var s in signals) Field(EightCharacters(s.PhysicalMax), 8);
        foreach (var s in signals) Field(s.DigitalMin.ToString(CultureInfo.InvariantCulture), 8);
        foreach (var s in signals) Field(s.DigitalMax.ToString(CultureInfo.InvariantCulture), 8);
        foreach (var _ in signals) Field("HP:0.05Hz LP:150Hz", 80);
        foreach (var s in signals) Field(s.SamplesPerRecord.ToString(CultureInfo.InvariantCulture), 8);
        foreach (var _ in signals) Field("", 32);

        using var stream = new MemoryStream();
        stream.Write(Encoding.ASCII.GetBytes(header.ToString()));
        var sample = new byte[2];
        for (long r = 0; r < trueRecords; r++)
        {
            foreach (var s in signals)
            {
                for (int i = 0; i < s.SamplesPerRecord; i++)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(sample, s.Digital[r * s.SamplesPerRecord + i]);
                    stream.Write(sample);
                }
            }
        }
        return stream.ToArray();
    }
}
