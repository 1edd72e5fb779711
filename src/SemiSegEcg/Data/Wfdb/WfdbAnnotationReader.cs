using System.Buffers.Binary;
using System.Text;

namespace SemiSegEcg.Data.Wfdb;

/// <summary>
/// Reads WFDB annotation files in MIT format: a sequence of 16-bit little-endian words, top 6 bits a code and low
/// 10 bits data.
/// <list type="bullet">
/// <item>Code 1–58 (or 0 with non-zero data): an annotation; data is the time since the previous annotation.</item>
/// <item>SKIP (59): the next two words are a signed 32-bit interval, high word first (PDP-11 order), added to the time
/// of the next annotation.</item>
/// <item>NUM (60), SUB (61), CHN (62): set the number, subtype or channel of the annotation they follow (low 8 bits of
/// data: NUM and SUB signed, CHN unsigned). NUM and CHN carry over to later annotations; SUB applies to one annotation only.</item>
/// <item>AUX (63): data is a byte count; that many Latin-1 bytes follow, padded to an even length.</item>
/// <item>A zero word ends the file (a file that simply ends at an even length is accepted as well, like the WFDB library).</item>
/// </list>
/// Modifiers that come before the first annotation apply to the first annotation.
/// </summary>
public static class WfdbAnnotationReader
{
    public static IReadOnlyList<WfdbAnnotation> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new WfdbFormatException(path, "annotation file", "does not exist", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WfdbFormatException(path, "annotation file", $"cannot be read ({e.Message})", inner: e);
        }
        return Parse(bytes, path);
    }

    public static IReadOnlyList<WfdbAnnotation> Parse(ReadOnlySpan<byte> bytes, string sourcePath)
    {
        var annotations = new List<WfdbAnnotation>();
        long time = 0;
        int channel = 0, number = 0;
        Pending? current = null;
        int subType = 0;
        string? aux = null;
        int pos = 0;

        while (pos < bytes.Length)
        {
            if (pos + 2 > bytes.Length)
                throw new WfdbFormatException(sourcePath, "annotation word",
                    $"is cut: the file ends in the middle of a 16-bit word at byte {pos} (file length {bytes.Length} is odd)");
            int word = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(pos, 2));
            int wordAt = pos;
            pos += 2;
            if (word == 0) break;
            int code = word >> 10;
            int data = word & 0x3FF;
            switch (code)
            {
                case AnnotationCodes.Skip:
                {
                    if (pos + 4 > bytes.Length)
                        throw new WfdbFormatException(sourcePath, "SKIP",
                            $"at byte {wordAt} needs a 4-byte interval, but the file ends after {bytes.Length - pos} bytes");
                    int high = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(pos, 2));
                    int low = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(pos + 2, 2));
                    pos += 4;
                    time += (int)((uint)high << 16 | (uint)low);
                    break;
                }
                case AnnotationCodes.Num:
                    number = (sbyte)(data & 0xFF);
                    break;
                case AnnotationCodes.Sub:
                    subType = (sbyte)(data & 0xFF);
                    break;
                case AnnotationCodes.Chn:
                    channel = data & 0xFF;
                    break;
                case AnnotationCodes.Aux:
                {
                    int length = data & 0xFF;
                    int padded = length + (length & 1);
                    if (pos + padded > bytes.Length)
                        throw new WfdbFormatException(sourcePath, "AUX",
                            $"at byte {wordAt} announces {length} bytes of text, but the file ends after {bytes.Length - pos} bytes");
                    aux = Encoding.Latin1.GetString(bytes.Slice(pos, length)).TrimEnd('\0');
                    pos += padded;
                    break;
                }
                default:
                {
                    // A new annotation: the modifiers seen so far belong to the previous one (or, before the
                    // first annotation, to this one).
                    if (current is { } done)
                    {
                        annotations.Add(done.Finish(subType, channel, number, aux));
                        subType = 0;
                        aux = null;
                    }
                    time += data;
                    if (time < 0) throw NegativeTime(sourcePath, wordAt, time);
                    current = new Pending(time, code);
                    break;
                }
            }
        }
        if (current is { } last) annotations.Add(last.Finish(subType, channel, number, aux));
        return annotations;
    }

    private readonly record struct Pending(long Sample, int Code)
    {
        public WfdbAnnotation Finish(int subType, int channel, int number, string? aux) =>
            new(Sample, AnnotationCodes.Symbol(Code), Code, subType, channel, number, aux);
    }

    private static WfdbFormatException NegativeTime(string source, int at, long time) =>
        new(source, "time", $"becomes negative ({time}) at byte {at}");
}
