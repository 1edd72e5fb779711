using System.IO.Compression;
using System.Text;
using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// The ISP download as a set of files with '/'-separated relative paths: either the unzipped folder or
/// <c>isp_delineation_dataset.zip</c> itself. Zip entries are read in place; a record's <c>.hea</c> and signal files
/// are extracted one record at a time into a scratch folder (the WFDB reader reads files) and deleted straight after.
/// </summary>
internal abstract class IspSource
{
    /// <summary>The folder or zip given by the user.</summary>
    public abstract string Root { get; }

    /// <summary>Every file, relative to <see cref="Root"/>, with '/' separators; macOS resource forks are left out.</summary>
    public abstract IReadOnlyList<string> Files { get; }

    public abstract string ReadText(string relative);

    /// <summary>How a file is named in messages: <c>DIR/a/b.csv</c> or <c>FILE.zip!a/b.csv</c>.</summary>
    public abstract string Describe(string relative);

    /// <summary>Starts reading records; <paramref name="scratchRoot"/> holds the zip's extracted files meanwhile.</summary>
    public abstract IRecordSession OpenRecords(string scratchRoot);

    public static IspSource Open(string raw)
    {
        if (Directory.Exists(raw)) return new FolderSource(Path.GetFullPath(raw));
        if (File.Exists(raw)) return new ZipSource(Path.GetFullPath(raw));
        throw new DirectoryNotFoundException($"ISP: '{raw}' is neither a folder nor a file (expected the unzipped folder or isp_delineation_dataset.zip)");
    }

    protected static bool IsJunk(string relative) =>
        relative.Split('/').Any(part => part == "__MACOSX" || part.StartsWith("._", StringComparison.Ordinal));

    public interface IRecordSession : IDisposable
    {
        /// <param name="relativeHeader">The record's <c>.hea</c> file.</param>
        WfdbRecord Read(string relativeHeader);
    }

    private sealed class FolderSource : IspSource
    {
        private readonly List<string> _files;

        public FolderSource(string root)
        {
            Root = root;
            _files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(root, p).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(p => !IsJunk(p))
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        public override string Root { get; }
        public override IReadOnlyList<string> Files => _files;
        public override string ReadText(string relative) => File.ReadAllText(Full(relative));
        public override string Describe(string relative) => Full(relative);
        public override IRecordSession OpenRecords(string scratchRoot) => new FolderSession(this);

        private string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

        private sealed class FolderSession(FolderSource source) : IRecordSession
        {
            public WfdbRecord Read(string relativeHeader) => WfdbReader.Read(source.Full(relativeHeader));
            public void Dispose() { }
        }
    }

    private sealed class ZipSource : IspSource
    {
        private readonly List<string> _files;

        public ZipSource(string zipPath)
        {
            Root = zipPath;
            try
            {
                using var zip = ZipFile.OpenRead(zipPath);
                _files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => Normalize(e.FullName))
                    .Where(p => !IsJunk(p)).Order(StringComparer.Ordinal).ToList();
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"ISP: '{zipPath}' is not a folder and not a readable zip archive ({e.Message})", e);
            }
        }

        public override string Root { get; }
        public override IReadOnlyList<string> Files => _files;
        public override string Describe(string relative) => $"{Root}!{relative}";

        public override string ReadText(string relative)
        {
            using var zip = ZipFile.OpenRead(Root);
            using var reader = new StreamReader(Entry(zip, relative).Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }

        public override IRecordSession OpenRecords(string scratchRoot) => new ZipSession(this, scratchRoot);

        private ZipArchiveEntry Entry(ZipArchive zip, string relative) =>
            zip.Entries.FirstOrDefault(e => Normalize(e.FullName) == relative)
            ?? throw new FileNotFoundException($"{Describe(relative)}: no such entry in the archive");

        private static string Normalize(string entryName) => entryName.Replace('\\', '/').TrimStart('/');

        private sealed class ZipSession : IRecordSession
        {
            private readonly ZipSource _source;
            private readonly ZipArchive _zip;
            private readonly Dictionary<string, ZipArchiveEntry> _entries;
            private readonly string _scratch;

            public ZipSession(ZipSource source, string scratchRoot)
            {
                _source = source;
                _zip = ZipFile.OpenRead(source.Root);
                _entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
                foreach (var e in _zip.Entries) _entries.TryAdd(Normalize(e.FullName), e);
                _scratch = Path.Combine(Path.GetFullPath(scratchRoot), $".isp-extract-{Guid.NewGuid():N}");
                Directory.CreateDirectory(_scratch);
            }

            public WfdbRecord Read(string relativeHeader)
            {
                string folder = relativeHeader.Contains('/') ? relativeHeader[..(relativeHeader.LastIndexOf('/') + 1)] : "";
                string headerPath = Extract(relativeHeader);
                var extracted = new List<string> { headerPath };
                try
                {
                    WfdbHeader header;
                    try
                    {
                        header = WfdbHeaderParser.Read(headerPath);
                    }
                    catch (Exception e) when (e is InvalidDataException or WfdbFormatException)
                    {
                        throw new InvalidDataException($"{_source.Describe(relativeHeader)}: {e.Message}", e);
                    }
                    foreach (string file in header.Signals.Select(s => s.FileName).Where(f => f != "-").Distinct(StringComparer.Ordinal))
                    {
                        if (!_entries.ContainsKey(folder + file))
                            throw new FileNotFoundException($"{_source.Describe(relativeHeader)}: signal file '{file}' is not in the archive");
                        extracted.Add(Extract(folder + file));
                    }
                    try
                    {
                        return WfdbReader.Read(header);
                    }
                    catch (Exception e) when (e is InvalidDataException or WfdbFormatException or EndOfStreamException)
                    {
                        throw new InvalidDataException($"{_source.Describe(relativeHeader)}: {e.Message}", e);
                    }
                }
                finally
                {
                    foreach (string path in extracted) File.Delete(path);
                }
            }

            private string Extract(string relative)
            {
                string target = Path.GetFullPath(Path.Combine(_scratch, relative.Replace('/', Path.DirectorySeparatorChar)));
                // An entry name with '..' must not write outside the scratch folder (zip slip).
                if (!target.StartsWith(_scratch + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new InvalidDataException($"{_source.Describe(relative)}: entry name leaves the archive's folder");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                _entries[relative].ExtractToFile(target, overwrite: true);
                return target;
            }

            public void Dispose()
            {
                _zip.Dispose();
                try { Directory.Delete(_scratch, recursive: true); }
                catch (DirectoryNotFoundException) { }
            }
        }
    }
}
