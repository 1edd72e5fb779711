namespace SemiSegEcg.IO;

/// <summary>Writes files so a reader never sees a half-written file: temp file in the same folder, then rename.</summary>
public static class AtomicFile
{
    public static void WriteAllBytes(string path, byte[] bytes, bool durable = false) => Write(path, s => s.Write(bytes), durable);

    public static void WriteAllText(string path, string text, bool durable = false) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text), durable);

    /// <param name="durable">Also flush to the device before the rename (checkpoints); bulk data skips it for speed.</param>
    public static void Write(string path, Action<Stream> write, bool durable = false)
    {
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(durable);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw;
        }
    }
}
