using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Tests.Data.Wfdb;

/// <summary>
/// Byte layouts worked out by hand from the WFDB format definitions (signal(5)); each case has a negative value,
/// the extremes, and the format's invalid sentinel.
/// </summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class WfdbSampleFormatTests
{
    public static TheoryData<int, byte[], int[]> KnownBytes => new()
    {
        // 8: first differences (0, +5, −5, −128, +127); the reader adds the initial value, see WfdbReaderTests.
        { 8, [0x00, 0x05, 0xFB, 0x80, 0x7F], [0, 5, -5, -128, 127] },
        { 16, [0x01, 0x00, 0xFF, 0xFF, 0x00, 0x80, 0xFF, 0x7F, 0x34, 0x12], [1, -1, -32768, 32767, 0x1234] },
        { 61, [0x00, 0x01, 0xFF, 0xFF, 0x80, 0x00, 0x12, 0x34, 0xFF, 0x38], [1, -1, -32768, 0x1234, -200] },
        { 80, [0x81, 0x7F, 0x00, 0xFF, 0x80], [1, -1, -128, 127, 0] },
        { 160, [0x01, 0x80, 0xFF, 0x7F, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x80], [1, -1, -32768, 32767, 0] },
        { 24, [0x01, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x80, 0xFF, 0xFF, 0x7F, 0x56, 0x34, 0x12], [1, -1, -8388608, 8388607, 0x123456] },
        { 32, [1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0x80, 0xFF, 0xFF, 0xFF, 0x7F, 0x78, 0x56, 0x34, 0x12], [1, -1, int.MinValue, int.MaxValue, 0x12345678] },
        // 212: pairs (1, −1) → 01 F0 FF, (−2048, 2047) → 00 78 FF; the odd last sample 100 takes 2 bytes: 64 00.
        { 212, [0x01, 0xF0, 0xFF, 0x00, 0x78, 0xFF, 0x64, 0x00], [1, -1, -2048, 2047, 100] },
        // 310: words w0 = x0<<1 | x2[0..4]<<11, w1 = x1<<1 | x2[5..9]<<11: (1, −1, −512) → 0x0002, 0x87FE;
        // the two leftover samples (511, 5) take 4 bytes: 0x03FE, 0x000A.
        { 310, [0x02, 0x00, 0xFE, 0x87, 0xFE, 0x03, 0x0A, 0x00], [1, -1, -512, 511, 5] },
        // 311: one 32-bit word x0 | x1<<10 | x2<<20: (1, −1, −512) → 0x200FFC01; leftover (511, 5) → 3 bytes of 0x15FF.
        { 311, [0x01, 0xFC, 0x0F, 0x20, 0xFF, 0x15, 0x00], [1, -1, -512, 511, 5] },
    };

    [Theory]
    [MemberData(nameof(KnownBytes))]
    public void Should_Decode_Hand_Computed_Bytes(int format, byte[] bytes, int[] expected)
    {
        var decoded = new int[expected.Length];

        WfdbSampleFormat.Decode(format, bytes, decoded);

        Assert.Equal(expected, decoded);
        Assert.Equal(bytes.Length, WfdbSampleFormat.ByteCount(format, expected.Length));
        Assert.Equal(CapacityAfterWriting(format, expected.Length), WfdbSampleFormat.SampleCapacity(format, bytes.Length));
    }

    [Theory]
    [MemberData(nameof(KnownBytes))]
    public void Should_Encode_To_The_Same_Bytes(int format, byte[] expected, int[] values)
    {
        Assert.Equal(expected, WfdbSampleFormat.Encode(format, values));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(61)]
    [InlineData(80)]
    [InlineData(160)]
    [InlineData(212)]
    [InlineData(310)]
    [InlineData(311)]
    public void Should_Round_Trip_Random_Values_Of_Every_Length(int format)
    {
        var random = new Random(format);
        var (min, max) = WfdbSampleFormat.StoredRange(format);
        for (int length = 0; length <= 13; length++)
        {
            int[] values = Enumerable.Range(0, length).Select(_ => (int)random.NextInt64(min, (long)max + 1)).ToArray();

            byte[] bytes = WfdbSampleFormat.Encode(format, values);
            var decoded = new int[length];
            WfdbSampleFormat.Decode(format, bytes, decoded);

            Assert.Equal(values, decoded);
            Assert.Equal(CapacityAfterWriting(format, length), WfdbSampleFormat.SampleCapacity(format, bytes.Length));
        }
    }

    [Theory]
    [InlineData(16, -32768)]
    [InlineData(61, -32768)]
    [InlineData(160, -32768)]
    [InlineData(80, -128)]
    [InlineData(212, -2048)]
    [InlineData(310, -512)]
    [InlineData(311, -512)]
    [InlineData(24, -8388608)]
    [InlineData(32, int.MinValue)]
    [InlineData(8, -32768)]
    [InlineData(0, -32768)]
    public void Should_Report_The_Invalid_Sentinel_Of_Each_Format(int format, int sentinel)
    {
        Assert.Equal(sentinel, WfdbSampleFormat.InvalidValue(format));
    }

    /// <summary>Format 310 writes two leftover samples as 4 bytes, so the file seems to hold one extra (zero) sample, as in WFDB.</summary>
    private static long CapacityAfterWriting(int format, int length) =>
        format == 310 && length % 3 == 2 ? length + 1 : length;

    [Fact]
    public void Should_Reject_Values_Outside_The_Format_Range_And_Short_Input()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WfdbSampleFormat.Encode(212, [2048]));
        Assert.Throws<ArgumentOutOfRangeException>(() => WfdbSampleFormat.Encode(8, [128]));
        Assert.Throws<ArgumentException>(() => WfdbSampleFormat.Decode(212, new byte[2], new int[2]));
        Assert.Throws<ArgumentException>(() => WfdbSampleFormat.ByteCount(999, 1));
    }
}
