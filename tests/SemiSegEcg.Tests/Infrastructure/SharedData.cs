namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// Where the tests find real data, in two kinds:
/// <list type="bullet">
/// <item><b>Bundled</b> (<c>tests/Fixtures</c>, shipped with the repository): the original's reference outputs
/// (<see cref="ReferenceFixtures"/>, <see cref="PickleFixtures"/>) and a handful of real PhysioNet records
/// (<see cref="LudbRecords"/>, <see cref="QtdbRecords"/>, <see cref="PtbXlRecords"/>). Tests that need only these never
/// skip; a missing bundled file is a broken checkout and fails the test.</item>
/// <item><b>Whole databases</b> (<c>../shared/data</c> beside the repository, or <c>SEMISEG_SHARED</c> /
/// <c>SEMISEG_RAW_DATA</c>): <see cref="WholeLudb"/>, <see cref="WholeQtdb"/>, <see cref="WholePtbXl"/>, for tests that
/// parse every record or pin full-preparation counts and splits. When missing, under CI (<c>CI=true</c>) the test
/// fails loudly; elsewhere it is reported as skipped with the reason (see <see cref="Require"/>).</item>
/// </list>
/// </summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Folder of what ships with the tests: <c>reference/</c>, <c>pickles/</c>, <c>data/</c> (see its README.md).</summary>
    public static string BundledRoot => Path.Combine(RepoRoot, "tests", "Fixtures");

    /// <summary>Numbers produced by running the original (model, preprocessing, augmentation, metrics, LR schedule).</summary>
    public static string ReferenceFixtures => Bundled("reference");

    /// <summary>Pickles in the original's data format.</summary>
    public static string PickleFixtures => Bundled("pickles");

    /// <summary>Raw-data root of the bundled subset, laid out like <see cref="RawDataRoot"/> (<c>ludb/</c>, <c>qtdb/</c>, <c>ptbxl/</c>).</summary>
    public static string BundledRawData => Bundled("data");

    /// <summary>11 whole LUDB records (1–10 and 101) with all 12 lead annotation files each; no <c>RECORDS</c> file.</summary>
    public static string LudbRecords => Bundled(Path.Combine("data", "ludb"));

    /// <summary>QTDB files some tests read (sel100 signal and two annotators, sel102.atr, sel30.hea), not whole records.</summary>
    public static string QtdbRecords => Bundled(Path.Combine("data", "qtdb"));

    /// <summary>PTB-XL: the header of record 00001 only, under <c>records500/00000/</c>.</summary>
    public static string PtbXlRecords => Bundled(Path.Combine("data", "ptbxl"));

    /// <summary>Folder with the whole databases in <c>data/</c>; override with <c>SEMISEG_SHARED</c>.</summary>
    public static string SharedRoot =>
        Environment.GetEnvironmentVariable("SEMISEG_SHARED") is { Length: > 0 } s ? s : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Whole raw PhysioNet databases; override with <c>SEMISEG_RAW_DATA</c>.</summary>
    public static string RawDataRoot =>
        Environment.GetEnvironmentVariable("SEMISEG_RAW_DATA") is { Length: > 0 } s ? s : Path.Combine(SharedRoot, "data");

    /// <summary>All 200 LUDB records; skips (fails under CI) when missing.</summary>
    public static string WholeLudb => Require(Path.Combine(RawDataRoot, "ludb"), "whole LUDB raw data");

    /// <summary>All 105 QTDB records; skips (fails under CI) when missing.</summary>
    public static string WholeQtdb => Require(Path.Combine(RawDataRoot, "qtdb"), "whole QTDB raw data");

    /// <summary>The 500-record PTB-XL subset with its metadata table; skips (fails under CI) when missing.</summary>
    public static string WholePtbXl => Require(Path.Combine(RawDataRoot, "ptbxl"), "whole PTB-XL raw data (500 records)");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns <paramref name="path"/> if it exists; otherwise fails (CI) or skips the test. Only for whole databases.</summary>
    public static string Require(string path, string what)
    {
        if (Directory.Exists(path) || File.Exists(path)) return path;
        string reason = $"{what} not found at {path} (set SEMISEG_SHARED or SEMISEG_RAW_DATA)";
        if (IsCi) throw new InvalidOperationException($"CI=true and {reason}");
        throw new SkipException(reason);
    }

    /// <summary>A folder under <see cref="BundledRoot"/>; missing means a broken checkout, which fails (never skips).</summary>
    private static string Bundled(string relative)
    {
        string path = Path.Combine(BundledRoot, relative);
        if (!Directory.Exists(path))
            throw new InvalidOperationException($"bundled test data {path} is missing: the checkout is incomplete (tests/Fixtures ships with the repository)");
        return path;
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
