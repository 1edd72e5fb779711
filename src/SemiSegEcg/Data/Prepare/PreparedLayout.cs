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

    public string LabeledIndex(int ratio) => Path.Combine(IndexDir, $"{Prefix}_train_labeled_1over{ratio}.csv");
    public string UnlabeledIndex => Path.Combine(IndexDir, $"{Prefix}_train_unlabeled.csv");
    public string ValidIndex => Path.Combine(IndexDir, $"{Prefix}_valid.csv");
    public string TestIndex => Path.Combine(IndexDir, $"{Prefix}_test.csv");

    public static string FileName(string sampleName) => sampleName + ".npy";
}
