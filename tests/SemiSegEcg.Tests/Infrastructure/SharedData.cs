namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// Locates the shared real data and reference fixtures (by default <c>../shared</c> beside the repository).
/// A test that needs them calls <see cref="Require"/>: under CI (<c>CI=true</c>) missing data fails the test loudly;
/// elsewhere the test is reported as skipped with the reason.
/// </summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Folder with <c>data/</c> and <c>fixtures/</c>; override with <c>SEMISEG_SHARED</c>.</summary>
    public static string SharedRoot =>
        Environment.GetEnvironmentVariable("SEMISEG_SHARED") is { Length: > 0 } s ? s : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Raw PhysioNet databases; override with <c>SEMISEG_RAW_DATA</c>.</summary>
    public static string RawDataRoot =>
        Environment.GetEnvironmentVariable("SEMISEG_RAW_DATA") is { Length: > 0 } s ? s : Path.Combine(SharedRoot, "data");

    public static string FixturesRoot => Path.Combine(SharedRoot, "fixtures");

    public static string Ludb => Require(Path.Combine(RawDataRoot, "ludb"), "LUDB raw data");
    public static string Qtdb => Require(Path.Combine(RawDataRoot, "qtdb"), "QTDB raw data");
    public static string PtbXl => Require(Path.Combine(RawDataRoot, "ptbxl"), "PTB-XL raw data");
    public static string ReferenceFixtures => Require(Path.Combine(FixturesRoot, "reference"), "reference fixtures");
    public static string PickleFixtures => Require(Path.Combine(FixturesRoot, "pickles"), "pickle fixtures");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns <paramref name="path"/> if it exists; otherwise fails (CI) or skips the test.</summary>
    public static string Require(string path, string what)
    {
        if (Directory.Exists(path) || File.Exists(path)) return path;
        string reason = $"{what} not found at {path} (set SEMISEG_SHARED or SEMISEG_RAW_DATA)";
        if (IsCi) throw new InvalidOperationException($"CI=true and {reason}");
        throw new SkipException(reason);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SemiSegEcg.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"cannot find SemiSegEcg.slnx above {AppContext.BaseDirectory}");
    }
}
