namespace SemiSegEcg.Models;

/// <summary>What a state-dict import did.</summary>
/// <param name="LoadedKeys">Model keys whose tensors were overwritten from the source.</param>
/// <param name="MissingKeys">Model keys absent from the source, left as they were (empty after a strict import).</param>
/// <param name="UnexpectedKeys">Source keys the model does not have, skipped (empty after a strict import).</param>
/// <param name="DroppedKeys">Source keys skipped on purpose: <c>auxiliary_head.*</c>, and those of modules kept initialised.</param>
/// <param name="RenamedKeys">Source keys loaded under their current name (legacy ViT names), among <paramref name="LoadedKeys"/>.</param>
/// <param name="KeptKeys">Model keys of the modules kept initialised on request.</param>
public sealed record CheckpointImportResult(
    IReadOnlyList<string> LoadedKeys,
    IReadOnlyList<string> MissingKeys,
    IReadOnlyList<string> UnexpectedKeys,
    IReadOnlyList<string> DroppedKeys,
    IReadOnlyList<(string Legacy, string Current)> RenamedKeys,
    IReadOnlyList<string> KeptKeys)
{
    private const int ListedKeys = 3;

    /// <summary>Every model key: loaded, missing or kept initialised.</summary>
    public int ModelKeyCount => LoadedKeys.Count + MissingKeys.Count + KeptKeys.Count;

    /// <summary>
    /// One line: how many of the model's tensors were loaded from <paramref name="sourceName"/>, then each kind of
    /// tensor that was not, by count and key (the first few of each).
    /// </summary>
    public string Describe(string sourceName)
    {
        string line = $"loaded {LoadedKeys.Count} of the model's {ModelKeyCount} tensors from {sourceName}";
        if (KeptKeys.Count > 0) line += $"; {KeptKeys.Count} keep their initialisation as asked ({Sample(KeptKeys)})";
        return line + DescribeSkipped();
    }

    /// <summary>
    /// The part of <see cref="Describe"/> after the kept modules, each item led by "; " (empty when everything matched):
    /// tensors read under legacy names, model tensors not in the source, source tensors not the model's or dropped.
    /// </summary>
    public string DescribeSkipped()
    {
        string line = "";
        if (RenamedKeys.Count > 0)
            line += $"; {RenamedKeys.Count} read under their current names ({Sample(RenamedKeys.Select(r => $"{r.Legacy} → {r.Current}").ToList())})";
        if (MissingKeys.Count > 0) line += $"; {MissingKeys.Count} not in the file keep their initialisation ({Sample(MissingKeys)})";
        if (UnexpectedKeys.Count > 0) line += $"; {UnexpectedKeys.Count} of the file's are not the model's and were skipped ({Sample(UnexpectedKeys)})";
        if (DroppedKeys.Count > 0) line += $"; {DroppedKeys.Count} of the file's were dropped on purpose ({Sample(DroppedKeys)})";
        return line;
    }

    private static string Sample(IReadOnlyList<string> keys) => KeySample.Of(keys, ListedKeys);
}
