namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// The on-disk layout of one prepared database: <c>ecg/*.npy</c> (float32 signal), <c>label/*.npy</c> (uint8 mask),
/// <c>index/&lt;PREFIX&gt;_*.csv</c> and <c>summary.json</c>.
/// </summary>
public sealed record PreparedLayout(string Root, string Prefix)
{
    public string EcgDir => Path.Combine(Root, "ecg");
    public string LabelDir => Path.Combine(Root, "label");
    public string IndexDir => Path.Combine(Root, "index");
    public string SummaryPath => Path.Combine(Root, "summary.json");

    /// <summary>Draw 0 keeps the original's file name; draw k ≥ 1 adds <c>_draw{k}</c>.</summary>
    public string LabeledIndex(int ratio, int draw = 0) => Path.Combine(IndexDir, LabeledIndexName($"{Prefix}_train_labeled_1over{ratio}.csv", draw));

    /// <summary>The file name of label draw <paramref name="draw"/> of a draw-0 labeled index name.</summary>
    public static string LabeledIndexName(string drawZeroName, int draw)
    {
        ArgumentNullException.ThrowIfNull(drawZeroName);
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        if (draw == 0) return drawZeroName;
        string extension = Path.GetExtension(drawZeroName);
        return $"{drawZeroName[..^extension.Length]}_draw{draw.ToString(System.Globalization.CultureInfo.InvariantCulture)}{extension}";
    }

    /// <summary>Whether <paramref name="fileName"/> is the index of a draw k ≥ 1 exactly as we name it (nothing else is removed as stale).</summary>
    public bool IsLabeledDrawIndex(string fileName) =>
        System.Text.RegularExpressions.Regex.IsMatch(fileName, $"^{System.Text.RegularExpressions.Regex.Escape(Prefix)}_train_labeled_1over[0-9]+_draw[0-9]+\\.csv$");

    /// <summary>
    /// The label draw an index file name carries (<c>…_draw&lt;k&gt;.csv</c>, the inverse of <see cref="LabeledIndexName"/>),
    /// or null for a name without one (draw 0 or not a labeled index).
    /// </summary>
    public static int? DrawOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var match = System.Text.RegularExpressions.Regex.Match(Path.GetFileName(fileName), @"_draw([0-9]+)\.csv$");
        return match.Success && int.TryParse(match.Groups[1].Value, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out int draw) ? draw : null;
    }

    /// <summary>The splits of <see cref="TinyIndex"/>.</summary>
    public static IReadOnlyList<string> TinySplits { get; } = ["train_labeled", "train_unlabeled", "valid", "test"];
    public string UnlabeledIndex => Path.Combine(IndexDir, $"{Prefix}_train_unlabeled.csv");
    public string ValidIndex => Path.Combine(IndexDir, $"{Prefix}_valid.csv");
    public string TestIndex => Path.Combine(IndexDir, $"{Prefix}_test.csv");

    /// <summary>
    /// The small index files of <c>data prepare --tiny</c> for smoke tests (<c>train_labeled</c>,
    /// <c>train_unlabeled</c>, <c>valid</c>, <c>test</c>): <c>TINY_&lt;split&gt;.csv</c>.
    /// </summary>
    public string TinyIndex(string split) => Path.Combine(IndexDir, $"TINY_{split}.csv");

    public static string FileName(string sampleName) => sampleName + ".npy";
}
