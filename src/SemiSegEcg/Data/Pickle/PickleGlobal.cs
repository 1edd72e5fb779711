namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// The Python globals a restricted unpickler may resolve. Each is an inert token: the reader interprets it in C#
/// and never calls into Python, so allowing one only widens what data shapes are understood.
/// </summary>
internal enum PickleGlobal
{
    NumpyReconstruct,
    NumpyNdarrayType,
    NumpyDtype,
    NumpyFromBuffer,
    CodecsEncode,
    BuiltinSlice,
    PandasDataFrameType,
    PandasBlockManager,
    PandasUnpickleBlock,
    PandasNewIndex,
    PandasIndexType,
    PandasRangeIndexType,
}
