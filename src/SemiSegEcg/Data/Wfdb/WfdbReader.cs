using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SemiSegEcg.Data.Wfdb;

/// <summary>
/// Reads a single-segment WFDB record: the header and every signal file it names.
/// Signals listed on consecutive header lines with the same file name share that file, interleaved frame by frame
/// (each frame holds <c>SamplesPerFrame</c> samples of each signal, in header order); other signals use their own files.
/// Only the bytes the record needs are read, into pooled buffers, so reading many records does not churn the
/// large-object heap.
/// </summary>
public static class WfdbReader
{
    /// <param name="recordPath">Record path with or without <c>.hea</c>, e.g. <c>data/ludb/1</c>.</param>
    public static WfdbRecord Read(string recordPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordPath);
        string headerPath = recordPath.EndsWith(".hea", StringComparison.OrdinalIgnoreCase) ? recordPath : recordPath + ".hea";
        return Read(WfdbHeaderParser.Read(headerPath));
    }

    public static WfdbRecord Read(WfdbHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var groups = new List<OpenGroup>();
        try
        {
            foreach (var group in Groups(header)) groups.Add(Open(header, group));

            long frames = header.SampleCount;
            if (frames == 0)
            {
                // WFDB reads to the end of the data when the header gives no length: the shortest file decides.
                var withData = groups.Where(g => g.Group.Format != 0).ToList();
                frames = withData.Count == 0 ? 0 : withData.Min(g => g.AvailableFrames);
            }

            var digital = new int[header.SignalCount][];
            var checks = new WfdbRecord.SignalCheck[header.SignalCount];
            foreach (var group in groups) Decode(header, group, frames, digital, checks);
            return new WfdbRecord(header, digital, frames, checks);
        }
        finally
        {
            foreach (var group in groups) group.File?.Dispose();
        }
    }

    private sealed record Group(int First, int Count, string FileName, int Format, long ByteOffset, int SamplesPerFrameTotal);

    private sealed record OpenGroup(Group Group, string? DataPath, SafeFileHandle? File, long FileLength, long AvailableFrames);

    private static List<Group> Groups(WfdbHeader header)
    {
        var groups = new List<Group>();
        int s = 0;
        while (s < header.Signals.Count)
        {
            var first = header.Signals[s];
            int end = s + 1;
            while (end < header.Signals.Count && header.Signals[end].FileName == first.FileName) end++;
            int tspf = 0;
            for (int k = s; k < end; k++) tspf += header.Signals[k].SamplesPerFrame;
            groups.Add(new Group(s, end - s, first.FileName, first.Format, first.ByteOffset, tspf));
            s = end;
        }
        return groups;
    }

    private static OpenGroup Open(WfdbHeader header, Group group)
    {
        if (group.Format == 0) return new OpenGroup(group, null, null, 0, long.MaxValue);
        if (group.FileName == "-")
            throw new WfdbFormatException(header.HeaderPath, "file name", $"is '-' (standard input) for signal {group.First}, which cannot be read from a file");

        string path = Path.Combine(header.DirectoryPath, group.FileName);
        SafeFileHandle handle;
        long length;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            length = RandomAccess.GetLength(handle);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new WfdbFormatException(path, "file name",
                $"names a signal file that does not exist (signal {group.First} '{header.Signals[group.First].Description}' of {header.HeaderPath})", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WfdbFormatException(path, "file name", $"names a signal file that cannot be read ({e.Message})", inner: e);
        }

        if (group.ByteOffset > length)
        {
            handle.Dispose();
            throw new WfdbFormatException(path, "byte offset", $"is {group.ByteOffset} in {header.HeaderPath}, past the end of the {length}-byte file");
        }
        long samples = WfdbSampleFormat.SampleCapacity(group.Format, length - group.ByteOffset);
        return new OpenGroup(group, path, handle, length, samples / group.SamplesPerFrameTotal);
    }

    private static void Decode(WfdbHeader header, OpenGroup open, long frames, int[][] digital, WfdbRecord.SignalCheck[] checks)
    {
        var group = open.Group;
        var signals = header.Signals;
        int invalid = WfdbSampleFormat.InvalidValue(group.Format);
        for (int k = 0; k < group.Count; k++)
        {
            long length = frames * signals[group.First + k].SamplesPerFrame;
            if (length > Array.MaxLength)
                throw new WfdbFormatException(header.HeaderPath, "sample count", $"is {frames}: signal {group.First + k} would need {length} samples, more than an array holds");
        }

        if (group.Format == 0)
        {
            for (int k = 0; k < group.Count; k++)
            {
                int s = group.First + k;
                digital[s] = new int[frames * signals[s].SamplesPerFrame];
                Array.Fill(digital[s], invalid);
                checks[s] = new WfdbRecord.SignalCheck(0, invalid, 0);
            }
            return;
        }

        string dataPath = open.DataPath!;
        int tspf = group.SamplesPerFrameTotal;
        if (open.AvailableFrames < frames)
        {
            long neededBytes = WfdbSampleFormat.ByteCount(group.Format, frames * tspf);
            throw new WfdbFormatException(dataPath, "sample count",
                $"is {frames} in {header.HeaderPath}, but the file holds only {open.AvailableFrames} whole frames " +
                $"(format {group.Format}, {tspf} samples per frame: needs {neededBytes} bytes after offset {group.ByteOffset}, has {open.FileLength - group.ByteOffset}); " +
                "the file is truncated or the header is wrong");
        }

        int maxSkew = 0;
        for (int k = 0; k < group.Count; k++) maxSkew = Math.Max(maxSkew, signals[group.First + k].Skew);
        long framesToDecode = Math.Min(open.AvailableFrames, frames + maxSkew);
        long storedLength = framesToDecode * tspf;
        long byteLength = WfdbSampleFormat.ByteCount(group.Format, storedLength);
        if (storedLength > Array.MaxLength || byteLength > Array.MaxLength)
            throw new WfdbFormatException(dataPath, "sample count", $"is {frames}: {storedLength} samples are more than an array holds");

        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)byteLength);
        try
        {
            var bytes = buffer.AsSpan(0, (int)byteLength);
            ReadExactly(open.File!, bytes, group.ByteOffset, dataPath);
            DecodeGroup(signals, group, bytes, (int)frames, (int)framesToDecode, invalid, digital, checks);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void DecodeGroup(IReadOnlyList<WfdbSignalSpec> signals, Group group, ReadOnlySpan<byte> bytes, int frames, int storedFrames,
        int invalid, int[][] digital, WfdbRecord.SignalCheck[] checks)
    {
        int tspf = group.SamplesPerFrameTotal;
        if (group.Format == 16 && tspf == group.Count && BitConverter.IsLittleEndian)
        {
            // The common case (LUDB, PTB-XL): one 16-bit sample per signal per frame, read in place.
            var stored16 = MemoryMarshal.Cast<byte, short>(bytes);
            for (int k = 0; k < group.Count; k++)
                digital[group.First + k] = Gather(stored16, frames, storedFrames, tspf, k, signals[group.First + k].Skew, invalid, out checks[group.First + k]);
            return;
        }

        int[] rented = ArrayPool<int>.Shared.Rent(storedFrames * tspf);
        try
        {
            var stored = rented.AsSpan(0, storedFrames * tspf);
            WfdbSampleFormat.Decode(group.Format, bytes, stored);
            int column = 0;
            for (int k = 0; k < group.Count; k++)
            {
                int s = group.First + k;
                var spec = signals[s];
                int spf = spec.SamplesPerFrame;
                if (group.Format == 8) AccumulateDifferences(stored, storedFrames, tspf, column, spf, spec.InitialValue);
                digital[s] = spf == 1
                    ? Gather<int>(stored, frames, storedFrames, tspf, column, spec.Skew, invalid, out checks[s])
                    : GatherFrames(stored, frames, storedFrames, tspf, column, spf, spec.Skew, invalid, out checks[s]);
                column += spf;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> destination, long offset, string path)
    {
        int done = 0;
        while (done < destination.Length)
        {
            int read = RandomAccess.Read(file, destination[done..], offset + done);
            if (read == 0)
                throw new WfdbFormatException(path, "sample count", $"cannot be read: the file ended after {offset + done} bytes while it was being read");
            done += read;
        }
    }

    /// <summary>
    /// Picks one signal (one sample per frame, at <paramref name="column"/>) out of interleaved frames, deskewed, and
    /// sums the stored (not deskewed) samples of the first <paramref name="frames"/> frames for the checksum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Gather<T>(ReadOnlySpan<T> stored, int frames, int storedFrames, int tspf, int column, int skew, int invalid,
        out WfdbRecord.SignalCheck check) where T : struct, IBinaryInteger<T>
    {
        long sum = 0;
        for (int f = 0, at = column; f < frames; f++, at += tspf) sum += int.CreateTruncating(stored[at]);
        check = new WfdbRecord.SignalCheck((int)(sum & 0xFFFF), frames > 0 ? int.CreateTruncating(stored[column]) : 0, frames);

        var samples = new int[frames];
        int copy = Math.Clamp(storedFrames - skew, 0, frames);
        for (int f = 0, at = skew * tspf + column; f < copy; f++, at += tspf) samples[f] = int.CreateTruncating(stored[at]);
        samples.AsSpan(copy).Fill(invalid);
        return samples;
    }

    /// <summary>Like <see cref="Gather{T}"/> for a signal with several samples per frame; keeps every sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] GatherFrames(ReadOnlySpan<int> stored, int frames, int storedFrames, int tspf, int column, int spf, int skew, int invalid,
        out WfdbRecord.SignalCheck check)
    {
        long sum = 0;
        for (int f = 0, at = column; f < frames; f++, at += tspf)
        {
            foreach (int v in stored.Slice(at, spf)) sum += v;
        }
        check = new WfdbRecord.SignalCheck((int)(sum & 0xFFFF), frames > 0 ? stored[column] : 0, (long)frames * spf);

        var samples = new int[frames * spf];
        int copy = Math.Clamp(storedFrames - skew, 0, frames);
        for (int f = 0; f < copy; f++) stored.Slice((f + skew) * tspf + column, spf).CopyTo(samples.AsSpan(f * spf, spf));
        samples.AsSpan(copy * spf).Fill(invalid);
        return samples;
    }

    /// <summary>Format 8 stores first differences; the running sum starts at the header's initial value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateDifferences(Span<int> stored, int frames, int tspf, int column, int spf, int initialValue)
    {
        int value = initialValue;
        for (int f = 0, at = column; f < frames; f++, at += tspf)
        {
            for (int j = 0; j < spf; j++)
            {
                value += stored[at + j];
                stored[at + j] = value;
            }
        }
    }
}
