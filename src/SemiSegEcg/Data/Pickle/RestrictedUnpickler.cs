using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// A pickle virtual machine (protocols 2–5) that resolves globals only through an allow-list and builds plain C#
/// data. Refused globals fail at the GLOBAL/STACK_GLOBAL opcode, before any object is built. Every read is
/// bounds-checked and every opcode consumes input, so corrupt or truncated files fail with a message that names the
/// file, the byte offset and the opcode, and never hang.
/// </summary>
/// <remarks>
/// Razorvine.Pickle is not used here: its constructor registry is process-wide static state (TorchSharp.PyBridge
/// registers torch constructors in it) and unknown globals silently become ClassDict objects, with no hook to refuse
/// them.
/// </remarks>
internal sealed class RestrictedUnpickler
{
    private const int HighestProtocol = 5;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _data;
    private readonly string _source;
    private readonly PickleAllowList _allowList;
    private readonly List<object?> _stack = [];
    private readonly Stack<int> _markHeights = new();
    private readonly Dictionary<long, object?> _memo = [];
    private int _position;
    private int _opcodeStart;
    private byte _opcode;

    public RestrictedUnpickler(byte[] data, string source, PickleAllowList allowList)
    {
        _data = data;
        _source = source;
        _allowList = allowList;
    }

    /// <summary>Runs the pickle to its STOP opcode and returns the top-level object.</summary>
    public object? Load()
    {
        try
        {
            while (true)
            {
                if (_position >= _data.Length)
                    throw new InvalidDataException($"{_source}: truncated pickle: it ends at byte {_data.Length} without a STOP opcode");
                _opcodeStart = _position;
                _opcode = _data[_position++];
                if (_opcode == (byte)'.')
                {
                    if (_stack.Count == 0) throw Fail("STOP with an empty stack");
                    return _stack[^1];
                }
                Execute(_opcode);
            }
        }
        catch (PickleContentException e)
        {
            throw Fail(WithHint(e.Message));
        }
    }

    private void Execute(byte opcode)
    {
        switch (opcode)
        {
            case 0x80: // PROTO
                int protocol = ReadByte();
                if (protocol > HighestProtocol) throw Fail($"pickle protocol {protocol} is newer than {HighestProtocol}");
                break;
            case 0x95: // FRAME
                ulong frame = BinaryPrimitives.ReadUInt64LittleEndian(Read(8));
                if (frame > (ulong)(_data.Length - _position))
                    throw Truncated($"the frame declares {frame} bytes but only {_data.Length - _position} remain");
                break;
            case (byte)'(': _markHeights.Push(_stack.Count); break; // MARK
            case (byte)'0': Pop(); break; // POP
            case (byte)'1': PopMark(); break; // POP_MARK
            case (byte)'2': Push(Peek()); break; // DUP

            case (byte)'N': Push(null); break; // NONE
            case 0x88: Push(true); break; // NEWTRUE
            case 0x89: Push(false); break; // NEWFALSE
            case (byte)'K': Push((long)ReadByte()); break; // BININT1
            case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Read(2))); break; // BININT2
            case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(Read(4))); break; // BININT
            case 0x8a: Push(DecodeLong(Read(ReadByte()))); break; // LONG1
            case 0x8b: Push(DecodeLong(Read(ReadLength(4)))); break; // LONG4
            case (byte)'I': Push(ParseIntLine(ReadLine())); break; // INT (protocol 0; also True/False)
            case (byte)'L': Push(ParseLong(ReadLine().TrimEnd('L'))); break; // LONG (protocol 0)
            case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(Read(8))); break; // BINFLOAT
            case (byte)'F': Push(ParseDouble(ReadLine())); break; // FLOAT (protocol 0)

            case 0x8c: Push(DecodeUtf8(Read(ReadByte()))); break; // SHORT_BINUNICODE
            case (byte)'X': Push(DecodeUtf8(Read(ReadLength(4)))); break; // BINUNICODE
            case 0x8d: Push(DecodeUtf8(Read(ReadLength(8)))); break; // BINUNICODE8
            case (byte)'C': Push(Read(ReadByte()).ToArray()); break; // SHORT_BINBYTES
            case (byte)'B': Push(Read(ReadLength(4)).ToArray()); break; // BINBYTES
            case 0x8e: Push(Read(ReadLength(8)).ToArray()); break; // BINBYTES8
            case 0x96: Push(Read(ReadLength(8)).ToArray()); break; // BYTEARRAY8
            case 0x98: Peek(); break; // READONLY_BUFFER: a bytes/bytearray distinction we do not keep

            case (byte)')': Push(PickleTuple.Empty); break; // EMPTY_TUPLE
            case (byte)'t': Push(new PickleTuple(PopMark())); break; // TUPLE
            case 0x85: Push(new PickleTuple(PopMany(1))); break; // TUPLE1
            case 0x86: Push(new PickleTuple(PopMany(2))); break; // TUPLE2
            case 0x87: Push(new PickleTuple(PopMany(3))); break; // TUPLE3
            case (byte)']': Push(new List<object?>()); break; // EMPTY_LIST
            case (byte)'l': Push(new List<object?>(PopMark())); break; // LIST
            case (byte)'a': // APPEND
            {
                object? item = Pop();
                PeekAs<List<object?>>("APPEND target").Add(item);
                break;
            }
            case (byte)'e': // APPENDS
            {
                object?[] items = PopMark();
                PeekAs<List<object?>>("APPENDS target").AddRange(items);
                break;
            }
            case (byte)'}': Push(new Dictionary<object, object?>()); break; // EMPTY_DICT
            case (byte)'d': // DICT
            {
                var dict = new Dictionary<object, object?>();
                AddPairs(dict, PopMark());
                Push(dict);
                break;
            }
            case (byte)'s': // SETITEM
            {
                object?[] pair = PopMany(2);
                AddPairs(PeekAs<Dictionary<object, object?>>("SETITEM target"), pair);
                break;
            }
            case (byte)'u': // SETITEMS
            {
                object?[] pairs = PopMark();
                AddPairs(PeekAs<Dictionary<object, object?>>("SETITEMS target"), pairs);
                break;
            }
            case 0x8f: Push(new HashSet<object?>()); break; // EMPTY_SET
            case 0x90: // ADDITEMS
            {
                object?[] items = PopMark();
                PeekAs<HashSet<object?>>("ADDITEMS target").UnionWith(items);
                break;
            }
            case 0x91: Push(new HashSet<object?>(PopMark())); break; // FROZENSET

            case (byte)'p': _memo[ParseLong(ReadLine())] = Peek(); break; // PUT
            case (byte)'q': _memo[ReadByte()] = Peek(); break; // BINPUT
            case (byte)'r': _memo[BinaryPrimitives.ReadUInt32LittleEndian(Read(4))] = Peek(); break; // LONG_BINPUT
            case 0x94: _memo[_memo.Count] = Peek(); break; // MEMOIZE
            case (byte)'g': Push(Recall(ParseLong(ReadLine()))); break; // GET
            case (byte)'h': Push(Recall(ReadByte())); break; // BINGET
            case (byte)'j': Push(Recall(BinaryPrimitives.ReadUInt32LittleEndian(Read(4)))); break; // LONG_BINGET

            case (byte)'c': // GLOBAL
            {
                string module = ReadLine();
                string name = ReadLine();
                Push(Resolve(module, name));
                break;
            }
            case 0x93: // STACK_GLOBAL
            {
                object? name = Pop();
                object? module = Pop();
                if (module is not string m || name is not string n)
                    throw Fail($"STACK_GLOBAL needs two str, got {PickleValues.Describe(module)} and {PickleValues.Describe(name)}");
                Push(Resolve(m, n));
                break;
            }
            case (byte)'R': // REDUCE
            {
                var args = PopAs<PickleTuple>("REDUCE arguments");
                var callable = PopGlobal("REDUCE callable");
                Push(PickleObjectFactory.Call(callable, args));
                break;
            }
            case 0x81: // NEWOBJ
            {
                var args = PopAs<PickleTuple>("NEWOBJ arguments");
                var cls = PopGlobal("NEWOBJ class");
                Push(PickleObjectFactory.New(cls, args));
                break;
            }
            case 0x92: // NEWOBJ_EX
            {
                var kwargs = PopAs<Dictionary<object, object?>>("NEWOBJ_EX keyword arguments");
                var args = PopAs<PickleTuple>("NEWOBJ_EX arguments");
                var cls = PopGlobal("NEWOBJ_EX class");
                if (kwargs.Count != 0) throw Fail("NEWOBJ_EX with keyword arguments is not supported");
                Push(PickleObjectFactory.New(cls, args));
                break;
            }
            case (byte)'b': // BUILD
            {
                object? state = Pop();
                PickleObjectFactory.Build(Peek(), state);
                break;
            }

            case (byte)'i': // INST names a global inline: check it like GLOBAL so a refusal says which one.
                Resolve(ReadLine(), ReadLine());
                throw Unsupported("INST (protocol 0 object creation)");
            case (byte)'o': throw Unsupported("OBJ (protocol 1 object creation)");
            case (byte)'P' or (byte)'Q': throw Unsupported("persistent IDs (references to objects outside the pickle)");
            case 0x82 or 0x83 or 0x84: throw Unsupported("extension-registry codes (EXT1/EXT2/EXT4)");
            case 0x97: throw Unsupported("out-of-band buffers (NEXT_BUFFER, written with a buffer_callback)");
            case (byte)'S' or (byte)'T' or (byte)'U' or (byte)'V':
                throw Unsupported("protocol 0/1 string opcodes (Python 2 or text pickles); re-save with protocol 2 or newer");
            default:
                throw Fail($"unknown opcode 0x{opcode:X2} (corrupt file or not a pickle)");
        }
    }

    private PickleGlobal Resolve(string module, string name)
    {
        if (_allowList.TryResolve(module, name, out var global)) return global;
        string qualified = $"{module}.{name}";
        throw new PickleSecurityException(
            _source,
            qualified,
            $"{_source}: refused to load the Python global '{qualified}' named at byte {_opcodeStart}; the file was not "
            + $"executed and nothing it describes was called. {_allowList.RefusalHint}");
    }

    private object? Recall(long key) =>
        _memo.TryGetValue(key, out object? value) ? value : throw Fail($"memo entry {key} was never stored");

    private static void AddPairs(Dictionary<object, object?> dict, object?[] flat)
    {
        if (flat.Length % 2 != 0)
            throw new PickleContentException($"dict items come in pairs but {flat.Length} values were given");
        for (int i = 0; i < flat.Length; i += 2)
        {
            object key = flat[i] ?? throw new PickleContentException("a dict key is None, which is not supported");
            dict[key] = flat[i + 1];
        }
    }

    private void Push(object? value) => _stack.Add(value);

    private int Floor => _markHeights.Count == 0 ? 0 : _markHeights.Peek();

    private object? Peek()
    {
        if (_stack.Count <= Floor) throw Fail("stack underflow (corrupt pickle)");
        return _stack[^1];
    }

    private object? Pop()
    {
        object? value = Peek();
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private object?[] PopMany(int count)
    {
        if (_stack.Count - Floor < count) throw Fail("stack underflow (corrupt pickle)");
        object?[] items = _stack.GetRange(_stack.Count - count, count).ToArray();
        _stack.RemoveRange(_stack.Count - count, count);
        return items;
    }

    private object?[] PopMark()
    {
        if (_markHeights.Count == 0) throw Fail("no MARK to pop to (corrupt pickle)");
        int height = _markHeights.Pop();
        object?[] items = _stack.GetRange(height, _stack.Count - height).ToArray();
        _stack.RemoveRange(height, _stack.Count - height);
        return items;
    }

    private T PeekAs<T>(string what) where T : class =>
        Peek() as T ?? throw Fail($"{what} is {PickleValues.Describe(_stack[^1])}, expected {typeof(T).Name}");

    private T PopAs<T>(string what) where T : class
    {
        object? value = Pop();
        return value as T ?? throw Fail($"{what} is {PickleValues.Describe(value)}");
    }

    private PickleGlobal PopGlobal(string what)
    {
        object? value = Pop();
        return value is PickleGlobal g ? g : throw Fail($"{what} is {PickleValues.Describe(value)}, not a global");
    }

    private byte ReadByte() => Read(1)[0];

    private ReadOnlySpan<byte> Read(int count)
    {
        if (count > _data.Length - _position)
            throw Truncated($"{OpcodeName(_opcode)} needs {count} more bytes but only {_data.Length - _position} remain");
        var span = _data.AsSpan(_position, count);
        _position += count;
        return span;
    }

    /// <summary>Reads a 4- or 8-byte little-endian length and checks it against the bytes left.</summary>
    private int ReadLength(int width)
    {
        ulong length = width == 4
            ? BinaryPrimitives.ReadUInt32LittleEndian(Read(4))
            : BinaryPrimitives.ReadUInt64LittleEndian(Read(8));
        if (length > (ulong)(_data.Length - _position))
            throw Truncated($"{OpcodeName(_opcode)} declares {length} bytes but only {_data.Length - _position} remain");
        return (int)length;
    }

    private string ReadLine()
    {
        int end = Array.IndexOf(_data, (byte)'\n', _position);
        if (end < 0) throw Truncated($"{OpcodeName(_opcode)} expects a newline-terminated argument");
        string line = DecodeUtf8(_data.AsSpan(_position, end - _position));
        _position = end + 1;
        return line;
    }

    private string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Fail("text is not valid UTF-8");
        }
    }

    private long DecodeLong(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return 0;
        if (bytes.Length > 8) throw Fail($"integer of {bytes.Length} bytes does not fit 64 bits");
        Span<byte> buffer = stackalloc byte[8];
        buffer.Fill((bytes[^1] & 0x80) != 0 ? (byte)0xFF : (byte)0);
        bytes.CopyTo(buffer);
        return BinaryPrimitives.ReadInt64LittleEndian(buffer);
    }

    private object ParseIntLine(string text) => text switch
    {
        "00" => false,
        "01" => true,
        _ => ParseLong(text),
    };

    private long ParseLong(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw Fail($"'{text}' is not a 64-bit integer");

    private double ParseDouble(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw Fail($"'{text}' is not a float");

    private InvalidDataException Fail(string message) =>
        new($"{_source}: byte {_opcodeStart} ({OpcodeName(_opcode)}): {message}");

    private InvalidDataException Truncated(string message) =>
        new($"{_source}: truncated pickle: at byte {_opcodeStart} ({OpcodeName(_opcode)}) {message}");

    private InvalidDataException Unsupported(string what) =>
        Fail(WithHint($"{what} is not supported"));

    private string WithHint(string message) =>
        _allowList.UnsupportedHint.Length == 0 ? message : $"{message}. {_allowList.UnsupportedHint}";

    private static string OpcodeName(byte opcode) => opcode switch
    {
        0x80 => "PROTO", 0x95 => "FRAME", (byte)'(' => "MARK", (byte)'.' => "STOP", (byte)'0' => "POP",
        (byte)'1' => "POP_MARK", (byte)'2' => "DUP", (byte)'N' => "NONE", 0x88 => "NEWTRUE", 0x89 => "NEWFALSE",
        (byte)'K' => "BININT1", (byte)'M' => "BININT2", (byte)'J' => "BININT", 0x8a => "LONG1", 0x8b => "LONG4",
        (byte)'I' => "INT", (byte)'L' => "LONG", (byte)'G' => "BINFLOAT", (byte)'F' => "FLOAT",
        0x8c => "SHORT_BINUNICODE", (byte)'X' => "BINUNICODE", 0x8d => "BINUNICODE8", (byte)'C' => "SHORT_BINBYTES",
        (byte)'B' => "BINBYTES", 0x8e => "BINBYTES8", 0x96 => "BYTEARRAY8", 0x97 => "NEXT_BUFFER",
        0x98 => "READONLY_BUFFER", (byte)')' => "EMPTY_TUPLE", (byte)'t' => "TUPLE", 0x85 => "TUPLE1",
        0x86 => "TUPLE2", 0x87 => "TUPLE3", (byte)']' => "EMPTY_LIST", (byte)'l' => "LIST", (byte)'a' => "APPEND",
        (byte)'e' => "APPENDS", (byte)'}' => "EMPTY_DICT", (byte)'d' => "DICT", (byte)'s' => "SETITEM",
        (byte)'u' => "SETITEMS", 0x8f => "EMPTY_SET", 0x90 => "ADDITEMS", 0x91 => "FROZENSET", (byte)'p' => "PUT",
        (byte)'q' => "BINPUT", (byte)'r' => "LONG_BINPUT", 0x94 => "MEMOIZE", (byte)'g' => "GET", (byte)'h' => "BINGET",
        (byte)'j' => "LONG_BINGET", (byte)'c' => "GLOBAL", 0x93 => "STACK_GLOBAL", (byte)'R' => "REDUCE",
        0x81 => "NEWOBJ", 0x92 => "NEWOBJ_EX", (byte)'b' => "BUILD", (byte)'i' => "INST", (byte)'o' => "OBJ",
        (byte)'P' => "PERSID", (byte)'Q' => "BINPERSID", 0x82 => "EXT1", 0x83 => "EXT2", 0x84 => "EXT4",
        (byte)'S' => "STRING", (byte)'T' => "BINSTRING", (byte)'U' => "SHORT_BINSTRING", (byte)'V' => "UNICODE",
        _ => $"opcode 0x{opcode:X2}",
    };
}
