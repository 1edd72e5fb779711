namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// Raised by the object builders when a well-formed pickle describes something they cannot represent; the unpickler
/// catches it and rethrows an <see cref="InvalidDataException"/> that names the file, byte offset and opcode.
/// </summary>
internal sealed class PickleContentException(string message) : Exception(message);
