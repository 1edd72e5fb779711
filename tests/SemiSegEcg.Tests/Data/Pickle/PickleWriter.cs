using System.Buffers.Binary;
using System.Text;

namespace SemiSegEcg.Tests.Data.Pickle;

/// <summary>Writes pickle opcodes by hand, to build inputs the fixtures do not cover (malicious, odd layouts).</summary>
internal sealed class PickleWriter
{
    private readonly List<byte> _bytes = [];

    public PickleWriter Proto(int protocol) => Op(0x80).Byte((byte)protocol);

    /// <summary>Protocol 0–3 GLOBAL: module and name as newline-terminated text.</summary>
    public PickleWriter Global(string module, string name) =>
        Op((byte)'c').Raw(Encoding.UTF8.GetBytes($"{module}\n{name}\n"));

    /// <summary>Protocol 4+ STACK_GLOBAL: module and name pushed as strings first.</summary>
    public PickleWriter StackGlobal(string module, string name) => Str(module).Str(name).Op(0x93);

    public PickleWriter Str(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        return utf8.Length < 256 ? Op(0x8c).Byte((byte)utf8.Length).Raw(utf8) : Op((byte)'X').Int32(utf8.Length).Raw(utf8);
    }

    public PickleWriter Bytes(byte[] data) => Op((byte)'B').Int32(data.Length).Raw(data);

    public PickleWriter ByteArray8(byte[] data)
    {
        Op(0x96);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, data.Length);
        return Raw(length.ToArray()).Raw(data);
    }

    public PickleWriter Int(int value) => Op((byte)'J').Int32(value);

    public PickleWriter None() => Op((byte)'N');

    public PickleWriter Bool(bool value) => Op(value ? (byte)0x88 : (byte)0x89);

    public PickleWriter Mark() => Op((byte)'(');

    public PickleWriter Tuple() => Op((byte)'t');

    public PickleWriter EmptyTuple() => Op((byte)')');

    public PickleWriter Tuple1() => Op(0x85);

    public PickleWriter Tuple3() => Op(0x87);

    public PickleWriter EmptyList() => Op((byte)']');

    public PickleWriter Appends() => Op((byte)'e');

    public PickleWriter EmptyDict() => Op((byte)'}');

    public PickleWriter SetItems() => Op((byte)'u');

    public PickleWriter Reduce() => Op((byte)'R');

    public PickleWriter NewObj() => Op(0x81);

    public PickleWriter Build() => Op((byte)'b');

    public PickleWriter Memoize() => Op(0x94);

    public PickleWriter Stop() => Op((byte)'.');

    public PickleWriter Op(byte opcode) => Byte(opcode);

    public PickleWriter Raw(byte[] data)
    {
        _bytes.AddRange(data);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    /// <summary>
    /// numpy's protocol 2–4 layout: <c>_reconstruct(ndarray, (0,), b'b')</c>, then BUILD with
    /// <c>(1, shape, dtype, is_fortran, raw)</c> where dtype is <c>dtype(code, False, True)</c> + BUILD(byte order).
    /// </summary>
    public static byte[] NumpyArray(string code, string byteOrder, int[] shape, bool fortran, byte[] raw)
    {
        var w = new PickleWriter().Proto(4)
            .StackGlobal("numpy.core.multiarray", "_reconstruct")
            .StackGlobal("numpy", "ndarray").Int(0).Tuple1().Bytes("b"u8.ToArray()).Tuple3().Reduce()
            .Mark().Int(1).Mark();
        foreach (int d in shape) w.Int(d);
        w.Tuple();
        w.Dtype(code, byteOrder).Bool(fortran).Bytes(raw).Tuple().Build().Stop();
        return w.ToArray();
    }

    /// <summary>numpy's protocol 5 layout: <c>_frombuffer(bytearray, dtype, shape, order)</c>.</summary>
    public static byte[] NumpyFromBuffer(string code, string byteOrder, int[] shape, string order, byte[] raw)
    {
        var w = new PickleWriter().Proto(5).StackGlobal("numpy._core.numeric", "_frombuffer")
            .Mark().ByteArray8(raw).Dtype(code, byteOrder).Mark();
        foreach (int d in shape) w.Int(d);
        return w.Tuple().Str(order).Tuple().Reduce().Stop().ToArray();
    }

    public PickleWriter Dtype(string code, string byteOrder) =>
        StackGlobal("numpy", "dtype").Str(code).Bool(false).Bool(true).Tuple3().Reduce()
            .Mark().Int(3).Str(byteOrder).None().None().None().Int(-1).Int(-1).Int(0).Tuple().Build();

    private PickleWriter Byte(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    private PickleWriter Int32(int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        return Raw(buffer.ToArray());
    }
}
