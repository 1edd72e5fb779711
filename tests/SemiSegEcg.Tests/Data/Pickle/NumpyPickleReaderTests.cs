using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SemiSegEcg.Data.Pickle;
using SemiSegEcg.IO;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Data.Pickle;

[Trait(Category.Trait, Category.Parity)]
public sealed class NumpyPickleReaderTests
{
    private static string Fixture(string name) => Path.Combine(SharedData.PickleFixtures, name);

    private static JsonElement Expected() =>
        JsonDocument.Parse(File.ReadAllText(Fixture("expected.json"))).RootElement;

    [Theory]
    [InlineData("signal_float64_p2.pkl")]
    [InlineData("signal_float64_p4.pkl")]
    [InlineData("signal_float64_p5.pkl")]
    public void Should_Equal_The_Npy_Ground_Truth_When_Reading_Float64_Signals(string file)
    {
        // Given the same float64 array pickled with protocol 2, 4 and 5, and saved with numpy.save
        double[] truth = NpyFile.Read(Fixture("signal_float64.npy")).AsFloat64();
        var expected = Expected();

        // When
        var array = NumpyPickleReader.ReadArray(Fixture(file));

        // Then: bit-identical values, the fixture's sum and first five values
        Assert.Equal(new long[] { 5000 }, array.Shape);
        double[] values = Assert.IsType<double[]>(array.Data);
        Assert.Equal(truth, values);
        Assert.Equal(expected.GetProperty("signal_sum").GetDouble(), values.Sum(), 1e-9);
        Assert.Equal(expected.GetProperty("signal_first5").EnumerateArray().Select(e => e.GetDouble()), values.Take(5));
    }

    [Theory]
    [InlineData("label_int64_p2.pkl")]
    [InlineData("label_int64_p4.pkl")]
    [InlineData("label_int64_p5.pkl")]
    public void Should_Equal_The_Npy_Ground_Truth_When_Reading_Int64_Labels(string file)
    {
        // Given
        long[] truth = NpyFile.Read(Fixture("label_int64.npy")).AsInt64();

        // When
        var array = NumpyPickleReader.ReadArray(Fixture(file));
        long[] labels = NumpyPickleReader.ReadLabel(Fixture(file));

        // Then
        Assert.Equal(new long[] { 5000 }, array.Shape);
        Assert.Equal(truth, Assert.IsType<long[]>(array.Data));
        Assert.Equal(truth, labels);
        AssertLabelLayout(labels);
    }

    [Fact]
    public void Should_Read_Float32_Signals_As_Floats_Equal_To_The_Rounded_Float64_Truth()
    {
        // Given
        double[] truth = NpyFile.Read(Fixture("signal_float64.npy")).AsFloat64();

        // When
        var array = NumpyPickleReader.ReadArray(Fixture("signal_float32_p4.pkl"));
        double[] signal = NumpyPickleReader.ReadSignal(Fixture("signal_float32_p4.pkl"));

        // Then: float32 is exactly the round-to-nearest of the float64 truth
        float[] values = Assert.IsType<float[]>(array.Data);
        Assert.Equal(truth.Select(v => (float)v), values);
        Assert.True(truth.Zip(signal).Max(p => Math.Abs(p.First - p.Second)) < 1e-7);
    }

    [Fact]
    public void Should_Read_Uint8_Labels_As_Bytes_And_Widen_Them_In_ReadLabel()
    {
        // Given
        long[] truth = NpyFile.Read(Fixture("label_int64.npy")).AsInt64();

        // When
        var array = NumpyPickleReader.ReadArray(Fixture("label_uint8_p4.pkl"));
        long[] labels = NumpyPickleReader.ReadLabel(Fixture("label_uint8_p4.pkl"));

        // Then
        Assert.Equal(truth.Select(v => (byte)v), Assert.IsType<byte[]>(array.Data));
        Assert.Equal(truth, labels);
        AssertLabelLayout(labels);
    }

    [Fact]
    public void Should_Keep_The_Shape_And_Flatten_In_ReadSignal_When_The_Array_Is_1_By_5000()
    {
        // Given
        double[] truth = NpyFile.Read(Fixture("signal_float64.npy")).AsFloat64();

        // When
        var array = NumpyPickleReader.ReadArray(Fixture("signal_2d_1x5000_p4.pkl"));
        double[] signal = NumpyPickleReader.ReadSignal(Fixture("signal_2d_1x5000_p4.pkl"));

        // Then
        Assert.Equal(new long[] { 1, 5000 }, array.Shape);
        Assert.Equal(truth, signal);
    }

    [Fact]
    public void Should_Refuse_The_Malicious_Fixture_Without_Running_Its_Command()
    {
        // Given: the fixture's embedded shell command and the file it would create
        string path = Fixture("malicious_os_system.pkl");
        string text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        var command = Regex.Match(text, @"echo PWNED > (/\S+?)(?=\x94|$)");
        Assert.True(command.Success, "fixture no longer embeds the expected echo command");
        string sideEffect = command.Groups[1].Value;
        bool existedBefore = File.Exists(sideEffect);
        DateTime writtenBefore = existedBefore ? File.GetLastWriteTimeUtc(sideEffect) : default;

        // When
        var error = Assert.Throws<PickleSecurityException>(() => NumpyPickleReader.ReadArray(path));

        // Then: the refusal names file and global, and the command's file was not created or touched
        Assert.Equal("posix.system", error.GlobalName);
        Assert.Equal(path, error.SourcePath);
        Assert.Contains("malicious_os_system.pkl", error.Message);
        Assert.Contains("posix.system", error.Message);
        Assert.Equal(existedBefore, File.Exists(sideEffect));
        if (existedBefore) Assert.Equal(writtenBefore, File.GetLastWriteTimeUtc(sideEffect));
    }

    [Theory]
    [InlineData("posix", "system")]
    [InlineData("os", "system")]
    [InlineData("builtins", "eval")]
    [InlineData("builtins", "exec")]
    [InlineData("builtins", "__import__")]
    [InlineData("subprocess", "Popen")]
    [InlineData("subprocess", "check_output")]
    [InlineData("copyreg", "_reconstructor")]
    [InlineData("numpy.testing._private.utils", "runstring")]
    [InlineData("torch._utils", "_rebuild_tensor_v2")]
    public void Should_Refuse_Every_Global_Outside_The_Numpy_Allow_List_Before_Calling_It(string module, string name)
    {
        // Given: protocol 2 (GLOBAL) and protocol 4 (STACK_GLOBAL) pickles that would create a file when run
        using var tmp = new TempDirectory();
        string marker = tmp.File("pwned");
        byte[] viaGlobal = new PickleWriter().Proto(2).Global(module, name)
            .Str($"open('{marker}', 'w').write('x')").Tuple1().Reduce().Stop().ToArray();
        byte[] viaStackGlobal = new PickleWriter().Proto(4).StackGlobal(module, name).Memoize()
            .Str($"touch {marker}").Tuple1().Reduce().Stop().ToArray();

        foreach (byte[] pickle in new[] { viaGlobal, viaStackGlobal })
        {
            // When
            var error = Assert.Throws<PickleSecurityException>(() => NumpyPickleReader.ParseArray(pickle, "crafted.pkl"));

            // Then
            Assert.Equal($"{module}.{name}", error.GlobalName);
            Assert.Contains("crafted.pkl", error.Message);
            Assert.Contains($"'{module}.{name}'", error.Message);
        }
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void Should_Refuse_A_Forbidden_Global_That_Follows_A_Valid_Numpy_Prefix()
    {
        // Given: allowed numpy globals first, then builtins.eval hidden in the array state
        byte[] pickle = new PickleWriter().Proto(4)
            .StackGlobal("numpy.core.multiarray", "_reconstruct")
            .StackGlobal("numpy", "ndarray").Int(0).Tuple1().Bytes("b"u8.ToArray()).Tuple3().Reduce()
            .Mark().Int(1).Mark().Int(1).Tuple().Dtype("f8", "<").Bool(false)
            .StackGlobal("builtins", "eval").Str("1+1").Tuple1().Reduce()
            .Tuple().Build().Stop().ToArray();

        // When / Then
        var error = Assert.Throws<PickleSecurityException>(() => NumpyPickleReader.ParseArray(pickle, "mixed.pkl"));
        Assert.Equal("builtins.eval", error.GlobalName);
    }

    [Fact]
    public void Should_Refuse_A_Forbidden_Global_Named_By_The_Protocol_0_INST_Opcode()
    {
        // Given: INST names its class inline, bypassing GLOBAL
        byte[] pickle = new PickleWriter().Mark().Str("id").Op((byte)'i').Raw("os\nsystem\n"u8.ToArray()).Stop().ToArray();

        // When / Then
        var error = Assert.Throws<PickleSecurityException>(() => NumpyPickleReader.ParseArray(pickle, "inst.pkl"));
        Assert.Equal("os.system", error.GlobalName);
    }

    [Fact]
    public void Should_Name_The_File_When_The_Pickle_Is_Truncated()
    {
        // Given: the first half of a protocol-4 pickle (the original's truncated_p4.pkl, rebuilt rather than shipped twice)
        using var tmp = new TempDirectory();
        byte[] whole = File.ReadAllBytes(Fixture("signal_float64_p4.pkl"));
        string truncated = tmp.File("truncated_p4.pkl");
        File.WriteAllBytes(truncated, whole[..(whole.Length / 2)]);

        // When
        var error = Assert.Throws<InvalidDataException>(() => NumpyPickleReader.ReadArray(truncated));

        // Then
        Assert.Contains("truncated_p4.pkl", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Theory]
    [InlineData("signal_float64_p2.pkl")]
    [InlineData("signal_float64_p5.pkl")]
    [InlineData("label_uint8_p4.pkl")]
    public void Should_Give_InvalidDataException_For_Every_Prefix_Of_A_Valid_Pickle(string file)
    {
        // Given
        byte[] full = File.ReadAllBytes(Fixture(file));

        // When / Then: a cut anywhere (every byte of the header, then a sparse sample of the data) is a clean error
        for (int length = 0; length < full.Length; length += length < 300 ? 1 : 499)
        {
            byte[] prefix = full[..length];
            var error = Record.Exception(() => NumpyPickleReader.ParseArray(prefix, $"cut{length}.pkl"));
            Assert.True(error is InvalidDataException, $"prefix {length}: {error?.GetType().Name ?? "no error"}: {error?.Message}");
            Assert.Contains($"cut{length}.pkl", error!.Message);
        }
    }

    [Fact]
    public void Should_Give_InvalidDataException_For_Every_Prefix_Of_Unframed_Pickles()
    {
        // Given: pickles without FRAME opcodes, so each cut is met by the opcode reads themselves
        byte[][] pickles =
        [
            PickleWriter.NumpyArray("f8", "<", [2, 3], true, new byte[48]),
            PickleWriter.NumpyFromBuffer("i2", ">", [5], "C", new byte[10]),
        ];

        foreach (byte[] full in pickles)
        {
            Assert.NotNull(NumpyPickleReader.ParseArray(full, "whole.pkl"));
            for (int length = 0; length < full.Length; length++)
            {
                // When
                var error = Record.Exception(() => NumpyPickleReader.ParseArray(full[..length], "cut.pkl"));

                // Then
                Assert.True(error is InvalidDataException, $"prefix {length}: {error?.GetType().Name ?? "no error"}: {error?.Message}");
                Assert.Contains("cut.pkl", error!.Message);
            }
        }
    }

    [Fact]
    public void Should_Never_Crash_With_Anything_But_A_Data_Error_When_Header_Bytes_Are_Corrupted()
    {
        // Given: the protocol 4 signal, with one header byte at a time replaced by seeded random values
        byte[] original = File.ReadAllBytes(Fixture("signal_float64_p4.pkl"));
        var random = new Random(12345);

        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] corrupt = (byte[])original.Clone();
            int at = random.Next(0, 150);
            corrupt[at] = (byte)random.Next(256);

            // When
            var error = Record.Exception(() => NumpyPickleReader.ParseArray(corrupt, "corrupt.pkl"));

            // Then: success (harmless change), a data error, or a refusal — nothing else
            Assert.True(
                error is null or InvalidDataException or PickleSecurityException,
                $"byte {at} = 0x{corrupt[at]:X2}: {error?.GetType().Name}: {error?.Message}");
        }
    }

    [Fact]
    public void Should_Report_The_Content_Type_When_The_Pickle_Is_Not_An_Array()
    {
        // Given: a pickled dict {'a': 1}
        byte[] pickle = new PickleWriter().Proto(4).EmptyDict().Mark().Str("a").Int(1).SetItems().Stop().ToArray();

        // When
        var error = Assert.Throws<InvalidDataException>(() => NumpyPickleReader.ParseArray(pickle, "dict.pkl"));

        // Then
        Assert.Contains("dict.pkl", error.Message);
        Assert.Contains("dict", error.Message.Replace("dict.pkl", ""));
        Assert.Contains("numpy array", error.Message);
    }

    [Fact]
    public void Should_Convert_Big_Endian_Data_To_Native_Order()
    {
        // Given: a '>f8' array [1.5, -2.25, 1e300] and a '>i4' array [1, -2]
        double[] doubles = [1.5, -2.25, 1e300];
        var raw = new byte[24];
        for (int i = 0; i < 3; i++) BinaryPrimitives.WriteDoubleBigEndian(raw.AsSpan(i * 8), doubles[i]);
        var rawInts = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(rawInts, 1);
        BinaryPrimitives.WriteInt32BigEndian(rawInts.AsSpan(4), -2);

        // When
        var f = NumpyPickleReader.ParseArray(PickleWriter.NumpyArray("f8", ">", [3], false, raw), "be.pkl");
        var i4 = NumpyPickleReader.ParseArray(PickleWriter.NumpyFromBuffer("i4", ">", [2], "C", rawInts), "be5.pkl");

        // Then
        Assert.Equal(doubles, Assert.IsType<double[]>(f.Data));
        Assert.Equal(new[] { 1, -2 }, Assert.IsType<int[]>(i4.Data));
    }

    [Fact]
    public void Should_Return_C_Order_When_The_Array_Was_Stored_In_Fortran_Order()
    {
        // Given: the 2×3 matrix [[1,2,3],[4,5,6]] stored column-major: 1,4,2,5,3,6
        int[] columnMajor = [1, 4, 2, 5, 3, 6];
        var raw = new byte[24];
        for (int i = 0; i < 6; i++) BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(i * 4), columnMajor[i]);

        // When
        var viaState = NumpyPickleReader.ParseArray(PickleWriter.NumpyArray("i4", "<", [2, 3], true, raw), "f.pkl");
        var viaBuffer = NumpyPickleReader.ParseArray(PickleWriter.NumpyFromBuffer("i4", "<", [2, 3], "F", raw), "f5.pkl");

        // Then
        Assert.Equal(new long[] { 2, 3 }, viaState.Shape);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, Assert.IsType<int[]>(viaState.Data));
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, Assert.IsType<int[]>(viaBuffer.Data));
    }

    [Fact]
    public void Should_Reject_Data_Whose_Length_Does_Not_Match_The_Shape()
    {
        // Given: shape (4,) of f8 but only 3 values of data
        byte[] pickle = PickleWriter.NumpyArray("f8", "<", [4], false, new byte[24]);

        // When
        var error = Assert.Throws<InvalidDataException>(() => NumpyPickleReader.ParseArray(pickle, "short.pkl"));

        // Then
        Assert.Contains("short.pkl", error.Message);
        Assert.Contains("24 bytes", error.Message);
    }

    [Fact]
    public void Should_Reject_Unsupported_Dtypes_By_Name()
    {
        // Given: a unicode-string array
        byte[] pickle = PickleWriter.NumpyArray("U3", "<", [1], false, new byte[12]);

        // When
        var error = Assert.Throws<InvalidDataException>(() => NumpyPickleReader.ParseArray(pickle, "text.pkl"));

        // Then
        Assert.Contains("'U3'", error.Message);
    }

    [Fact]
    public void Should_Reject_Multi_Lead_Shapes_In_ReadSignal()
    {
        // Given: a 2×3 float64 array on disk
        using var tmp = new TempDirectory();
        string path = tmp.File("two_leads.pkl");
        File.WriteAllBytes(path, PickleWriter.NumpyArray("f8", "<", [2, 3], false, new byte[48]));

        // When
        var error = Assert.Throws<InvalidDataException>(() => NumpyPickleReader.ReadSignal(path));

        // Then
        Assert.Contains("two_leads.pkl", error.Message);
        Assert.Contains("(2, 3)", error.Message);
    }

    [Fact]
    public void Should_Reject_Fractional_Values_In_ReadLabel()
    {
        // Given: a float64 "label" array [0, 1.5]
        using var tmp = new TempDirectory();
        string path = tmp.File("frac.pkl");
        var raw = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(raw.AsSpan(8), 1.5);
        File.WriteAllBytes(path, PickleWriter.NumpyArray("f8", "<", [2], false, raw));

        // When
        var error = Assert.Throws<InvalidDataException>(() => NumpyPickleReader.ReadLabel(path));

        // Then
        Assert.Contains("frac.pkl", error.Message);
        Assert.Contains("index 1", error.Message);
    }

    [Fact]
    public void Should_Name_The_File_When_It_Does_Not_Exist()
    {
        var error = Assert.Throws<InvalidDataException>(() => NumpyPickleReader.ReadArray("/nonexistent/x_lead_I.pkl"));
        Assert.Contains("x_lead_I.pkl", error.Message);
    }

    private static void AssertLabelLayout(long[] labels)
    {
        var counts = Expected().GetProperty("label_counts");
        for (long c = 0; c <= 3; c++)
            Assert.Equal(counts.GetProperty(c.ToString()).GetInt32(), labels.Count(v => v == c));
        for (int i = 0; i < labels.Length; i++)
        {
            long want = i is >= 600 and < 650 ? 1 : i is >= 700 and < 760 ? 2 : i is >= 900 and < 1050 ? 3 : 0;
            Assert.True(labels[i] == want, $"label[{i}] = {labels[i]}, expected {want}");
        }
    }
}
