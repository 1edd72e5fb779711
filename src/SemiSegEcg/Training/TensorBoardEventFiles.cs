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
            int complete = 0;
            foreach (var record in Records(bytes))
            {
                if (record.Tag is null || keep(record.Tag, record.Step)) kept.Write(bytes, record.Offset, record.Size);
                else dropped++;
                complete = record.Offset + record.Size;
            }
            if (complete != bytes.Length) dropped++;
            if (kept.Length != bytes.Length) IO.AtomicFile.WriteAllBytes(file, kept.ToArray());
        }
        return dropped;
    }

    /// <summary>Every scalar of the run's event files as (tag, step), in file and record order; reads, never writes.</summary>
    public static IReadOnlyList<(string Tag, long Step)> ReadScalars(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, Pattern)
                .SelectMany(file => Records(File.ReadAllBytes(file)))
                .Where(r => r.Tag is not null)
                .Select(r => (r.Tag!, r.Step))
                .ToList()
            : [];

    /// <summary>The complete records of one file, in order; a torn record at the end is not among them.</summary>
    private static IEnumerable<(int Offset, int Size, string? Tag, long Step)> Records(byte[] bytes)
    {
        int position = 0;
        while (position + 12 <= bytes.Length)
        {
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(position));
            if (length > int.MaxValue || position + 12 + (long)length + 4 > bytes.Length) yield break;
            int size = 12 + (int)length + 4;
            var (tag, step) = ReadScalar(bytes.AsSpan(position + 12, (int)length));
            yield return (position, size, tag, step);
            position += size;
        }
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
