namespace SemiSegEcg.Data.Prepare;

/// <summary>The subjects of one labeled subset of one label draw, as listed in <c>summary.json</c>.</summary>
/// <param name="Draw">0 for the original's subsets; k ≥ 1 for the extra draws of <c>--label-draws</c>.</param>
/// <param name="IndexFile">The index file name (in <c>index/</c>) that lists the subset's samples.</param>
public sealed record LabeledDraw(int Draw, int Ratio, string IndexFile, IReadOnlyList<string> Subjects);
