namespace SemiSegEcg.Config;

/// <summary>
/// Reads a config file that may name base files in a top-level <c>_base_</c> list (as mmsegmentation does, one level
/// only): the bases are merged in order, then the file's own keys over them, all with <see cref="ConfigMerger"/>'s
/// rules. The result has no <c>_base_</c> key, so what a run saves is the whole config and loads without the pieces.
/// </summary>
/// <remarks>
/// One level keeps a config readable: its file lists every piece it is made of. Each value keeps the source of the
/// file that wrote it, so an error in a shared piece names that piece and line, and a relative dataset folder written
/// in a piece is relative to the piece's folder (as for any file that sets it).
/// </remarks>
public static class ConfigInheritance
{
    public const string BaseKey = "_base_";

    /// <summary>Reads <paramref name="path"/> with its bases merged in; a file without <c>_base_</c> is read as is.</summary>
    public static ConfigMapping ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ConfigMapping own = ConfigReader.ReadFile(path);
        if (own.GetEntry(BaseKey) is not { } baseEntry) return own;

        ConfigMapping merged = ConfigMapping.Empty(own.Source);
        foreach (BaseFile baseFile in BaseFiles(baseEntry.Value, path))
        {
            merged = ConfigMerger.Merge(merged, ReadBase(baseFile, path));
        }
        return ConfigMerger.Merge(merged, new ConfigMapping(own.Entries.Where(e => e.Key != BaseKey), own.Source));
    }

    /// <summary>A base as listed: its display name (as a person would type it from here), absolute path and key path.</summary>
    private sealed record BaseFile(string Name, string FullPath, string KeyPath);

    private static List<BaseFile> BaseFiles(ConfigNode value, string path)
    {
        (ConfigNode Item, string KeyPath)[] items = value switch
        {
            ConfigSequence list => list.Items.Select((item, i) => (item, ConfigNode.ItemPath(BaseKey, i))).ToArray(),
            ConfigScalar { IsNull: false } => [(value, BaseKey)],
            _ => throw ConfigException.At(value, BaseKey,
                $"expected a base file or a list of base files (paths relative to this file), got {value.Describe()}"),
        };

        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? Directory.GetCurrentDirectory();
        var files = new List<BaseFile>(items.Length);
        foreach (var (item, keyPath) in items)
        {
            if (item is not ConfigScalar { IsNull: false, Text.Length: > 0 } scalar)
            {
                throw ConfigException.At(item, keyPath, $"expected a base file path, got {item.Describe()}");
            }
            string baseFull = TryResolve(folder, scalar.Text)
                ?? throw ConfigException.At(item, keyPath, $"'{scalar.Text}' is not a valid file path");
            if (PathsEqual(baseFull, fullPath))
            {
                throw ConfigException.At(item, keyPath, $"'{scalar.Text}' is this file itself; a config cannot be its own base");
            }
            if (files.FirstOrDefault(f => PathsEqual(f.FullPath, baseFull)) is { } earlier)
            {
                throw ConfigException.At(item, keyPath, $"'{scalar.Text}' is already listed as {earlier.KeyPath}");
            }
            if (!File.Exists(baseFull))
            {
                throw ConfigException.At(item, keyPath, $"base file '{scalar.Text}' not found (looked at {baseFull})");
            }
            files.Add(new BaseFile(DisplayName(baseFull, path), baseFull, keyPath));
        }
        return files;
    }

    private static ConfigMapping ReadBase(BaseFile baseFile, string path)
    {
        ConfigMapping content = ConfigReader.ReadFile(baseFile.Name);
        if (content.GetEntry(BaseKey) is { } nested)
        {
            string baseFolder = Path.GetDirectoryName(baseFile.FullPath)!;
            bool cycle = BaseTexts(nested.Value).Any(t => TryResolve(baseFolder, t) is { } listed && PathsEqual(listed, Path.GetFullPath(path)));
            throw ConfigException.At(nested.KeySource, BaseKey,
                $"{baseFile.Name} is a base of {path} ({baseFile.KeyPath}) and has a _base_ of its own{(cycle ? $" that lists {path} back (a cycle)" : "")}; "
                + $"only one level of _base_ is supported: list its bases in {path} instead");
        }
        return content;
    }

    private static IEnumerable<string> BaseTexts(ConfigNode value) =>
        (value is ConfigSequence list ? list.Items : [value]).OfType<ConfigScalar>().Where(s => !s.IsNull && s.Text.Length > 0).Select(s => s.Text);

    private static string? TryResolve(string folder, string relativeOrAbsolute)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(folder, relativeOrAbsolute));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>The base's path in the same form the naming file was given: relative to the current directory if that was.</summary>
    private static string DisplayName(string baseFull, string namingPath) =>
        Path.IsPathRooted(namingPath) ? baseFull : Path.GetRelativePath(Directory.GetCurrentDirectory(), baseFull);

    private static bool PathsEqual(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
