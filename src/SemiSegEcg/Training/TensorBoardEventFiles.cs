using System.Buffers.Binary;
using Google.Protobuf;

namespace SemiSegEcg.Training;

/// <summary>
/// Rewrites a run's TensorBoard event files so that a resumed run does not log the same steps twice: records whose
/// scalar lies at or after the resume point are dropped, everything else (including the file-version header) is kept
/// byte for byte, CRCs included.
/// </summary>
/// <remarks>
/// The TFRecord framing is <c>uint64 length · uint32 crc(length) · data · uint32 crc(data)</c>, little-endian; the data is
/// an <c>Event</c> protobuf whose field 2 is the step and field 5 the <c>Summary</c>, whose repeated field 1 is a
/// <c>Value</c> with the tag in field 1. A torn record at the end of a file (the run was killed mid-write) is dropped.
/// </remarks>
public static class TensorBoardEventFiles
{
    private const string Pattern = "events.out.tfevents.*";

    /// <param name="keep">Whether a scalar with this tag and step stays.</param>
    /// <returns>The number of records dropped.</returns>
    public static int Truncate(string directory, Func<string, long, bool> keep)
    {
        if (!Directory.Exists(directory)) return 0;
        int dropped = 0;
        foreach (string file in Directory.GetFiles(directory, Pattern))
        {
            byte[] bytes = File.ReadAllBytes(file);
            using var kept = new MemoryStream();
            int position = 0;
            while (position + 12 <= bytes.Length)
            {
                ulong length = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(position));
                if (length > int.MaxValue || position + 12 + (long)length + 4 > bytes.Length) break;
                int size = 12 + (int)length + 4;
                var (tag, step) = ReadScalar(bytes.AsSpan(position + 12, (int)length));
                if (tag is null || keep(tag, step)) kept.Write(bytes, position, size);
                else dropped++;
                position += size;
            }
            if (position != bytes.Length) dropped++;
            if (kept.Length != bytes.Length) IO.AtomicFile.WriteAllBytes(file, kept.ToArray());
        }
        return dropped;
    }

    /// <summary>Every scalar of the run's event files as (tag, step), in file and record order.</summary>
    public static IReadOnlyList<(string Tag, long Step)> ReadScalars(string directory)
    {
        var scalars = new List<(string, long)>();
        Truncate(directory, (tag, step) => { scalars.Add((tag, step)); return true; });
        return scalars;
    }

    /// <summary>The first summary tag and the step of one <c>Event</c>; no tag for events without a summary value.</summary>
    private static (string? Tag, long Step) ReadScalar(ReadOnlySpan<byte> eventBytes)
    {
        var input = new CodedInputStream(eventBytes.ToArray());
        long step = 0;
        string? tag = null;
        try
        {
            uint field;
            while ((field = input.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(field))
                {
                    case 2: step = input.ReadInt64(); break;
                    case 5: tag = FirstTag(input.ReadBytes()); break;
                    default: input.SkipLastField(); break;
                }
            }
        }
        catch (InvalidProtocolBufferException)
        {
            return (null, step);
        }
        return (tag, step);
    }

    private static string? FirstTag(ByteString summary)
    {
        var input = summary.CreateCodedInput();
        uint field;
        while ((field = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(field) != 1) { input.SkipLastField(); continue; }
            var value = input.ReadBytes().CreateCodedInput();
            uint valueField;
            while ((valueField = value.ReadTag()) != 0)
            {
                if (WireFormat.GetTagFieldNumber(valueField) == 1) return value.ReadString();
                value.SkipLastField();
            }
        }
        return null;
    }
}
