using System.Globalization;
using System.Text.RegularExpressions;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// A database written by <see cref="DatabasePreparation"/>, found from its folder: the prefix comes from the one
/// <c>index/&lt;PREFIX&gt;_train_unlabeled.csv</c>; it is labeled when it also has <c>_valid</c> and <c>_test</c> indexes
/// (PTB-XL has only the unlabeled one).
/// </summary>
public sealed partial record PreparedDatabase(string Root, string Prefix, bool IsLabeled, IReadOnlyList<int> LabeledRatios)
{
    public PreparedLayout Layout => new(Root, Prefix);

    public static PreparedDatabase Open(string root)
    {
        string full = Path.GetFullPath(root);
        string indexDir = Path.Combine(full, "index");
        if (!Directory.Exists(indexDir))
            throw new DirectoryNotFoundException($"'{root}' is not a prepared database: folder '{indexDir}' does not exist (run 'semiseg data prepare' first)");
        const string suffix = "_train_unlabeled.csv";
        var prefixes = Directory.EnumerateFiles(indexDir, "*" + suffix)
            .Select(p => Path.GetFileName(p)[..^suffix.Length])
            .Where(p => p.Length > 0)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (prefixes.Count != 1)
            throw new InvalidDataException(prefixes.Count == 0
                ? $"'{indexDir}' holds no <PREFIX>{suffix}; is '{root}' a folder written by 'semiseg data prepare'?"
                : $"'{indexDir}' holds indexes of several databases ({string.Join(", ", prefixes)}); give each prepared database its own folder");
        string prefix = prefixes[0];
        var layout = new PreparedLayout(full, prefix);
        bool hasValid = File.Exists(layout.ValidIndex), hasTest = File.Exists(layout.TestIndex);
        if (hasValid != hasTest)
            throw new FileNotFoundException($"'{indexDir}': {(hasValid ? layout.TestIndex : layout.ValidIndex)} is missing while its valid/test partner exists",
                hasValid ? layout.TestIndex : layout.ValidIndex);
        var ratios = Directory.EnumerateFiles(indexDir, $"{prefix}_train_labeled_1over*.csv")
            .Select(p => RatioPattern().Match(Path.GetFileName(p)))
            .Where(m => m.Success && m.Groups[1].Value == prefix)
            .Select(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        return new PreparedDatabase(full, prefix, hasValid, ratios);
    }

    [GeneratedRegex(@"^(.+)_train_labeled_1over([0-9]{1,6})\.csv$")]
    private static partial Regex RatioPattern();
}
