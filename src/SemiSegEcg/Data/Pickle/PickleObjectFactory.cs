using System.Text;

namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// What REDUCE, NEWOBJ and BUILD mean for each allow-listed global. Everything here builds plain C# data; no
/// pickled callable is ever invoked, and anything not listed is an error rather than a best-effort guess.
/// </summary>
internal static class PickleObjectFactory
{
    /// <summary>REDUCE: <c>callable(*args)</c>.</summary>
    public static object? Call(PickleGlobal callable, PickleTuple args)
    {
        switch (callable)
        {
            case PickleGlobal.NumpyReconstruct:
                PickleValues.ExpectCount(args, 3, 3, "numpy _reconstruct(...)");
                if (args[0] is not PickleGlobal.NumpyNdarrayType)
                    throw new PickleContentException($"_reconstruct builds {PickleValues.Describe(args[0])}; only numpy.ndarray (no subclasses) is supported");
                return new PickledNdarray();
            case PickleGlobal.NumpyDtype:
                PickleValues.ExpectCount(args, 1, 3, "numpy.dtype(...)");
                return NumpyDtype.Parse(PickleValues.AsString(args[0], "numpy.dtype type code"));
            case PickleGlobal.NumpyFromBuffer:
                PickleValues.ExpectCount(args, 4, 4, "numpy _frombuffer(...)");
                return PickledNdarray.FromBuffer(
                    PickleValues.As<byte[]>(args[0], "_frombuffer buffer", "bytes"),
                    PickleValues.As<NumpyDtype>(args[1], "_frombuffer dtype", "a numpy.dtype"),
                    PickleValues.AsShape(args[2], "_frombuffer shape"),
                    PickleValues.AsString(args[3], "_frombuffer order"));
            case PickleGlobal.CodecsEncode:
                return Encode(args);
            case PickleGlobal.BuiltinSlice:
                return PythonSlice.FromArguments(args);
            case PickleGlobal.PandasUnpickleBlock:
                return PandasBlock.FromArguments(args);
            case PickleGlobal.PandasBlockManager:
                return PandasBlockManager.FromArguments(args);
            case PickleGlobal.PandasNewIndex:
                return PandasIndex.FromArguments(args);
            default:
                throw new PickleContentException($"global {callable} cannot be called (REDUCE)");
        }
    }

    /// <summary>NEWOBJ: <c>cls.__new__(cls, *args)</c>.</summary>
    public static object New(PickleGlobal cls, PickleTuple args)
    {
        if (cls != PickleGlobal.PandasDataFrameType)
            throw new PickleContentException($"global {cls} cannot be instantiated (NEWOBJ)");
        if (args.Count != 0)
            throw new PickleContentException($"DataFrame.__new__ has {args.Count} arguments, expected none");
        return new PandasFrameState();
    }

    /// <summary>BUILD: <c>target.__setstate__(state)</c>.</summary>
    public static void Build(object? target, object? state)
    {
        switch (target)
        {
            case NumpyDtype dtype:
                dtype.SetState(PickleValues.As<PickleTuple>(state, "numpy.dtype state", "a tuple"));
                break;
            case PickledNdarray array:
                array.SetState(PickleValues.As<PickleTuple>(state, "numpy.ndarray state", "a tuple"));
                break;
            case PandasFrameState frame:
                frame.SetState(PickleValues.As<Dictionary<object, object?>>(state, "DataFrame state", "a dict"));
                break;
            default:
                throw new PickleContentException($"BUILD (__setstate__) on {PickleValues.Describe(target)} is not supported");
        }
    }

    /// <summary><c>_codecs.encode(text, encoding)</c> as protocol 2 uses it to carry raw bytes.</summary>
    private static byte[] Encode(PickleTuple args)
    {
        PickleValues.ExpectCount(args, 1, 2, "_codecs.encode(...)");
        string text = PickleValues.AsString(args[0], "_codecs.encode text");
        string encoding = args.Count == 2 ? PickleValues.AsString(args[1], "_codecs.encode encoding") : "utf-8";
        return encoding.Replace('_', '-').ToLowerInvariant() switch
        {
            "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" or "l1" => PickledNdarray.Latin1Bytes(text, "_codecs.encode text"),
            "utf-8" or "utf8" => Encoding.UTF8.GetBytes(text),
            _ => throw new PickleContentException($"_codecs.encode encoding is '{encoding}', expected 'latin1'"),
        };
    }
}
