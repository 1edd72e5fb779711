namespace SemiSegEcg.Data.Prepare;

/// <summary>Which subjects go to which split, and the nested labeled subsets of the training subjects.</summary>
/// <param name="LabeledSubjects">Key N → subjects of the 1/N labeled subset (1/16 ⊂ 1/8 ⊂ 1/4 ⊂ 1/2).</param>
public sealed record SubjectSplit(
    IReadOnlyList<string> Train,
    IReadOnlyList<string> Valid,
    IReadOnlyList<string> Test,
    IReadOnlyDictionary<int, IReadOnlyList<string>> LabeledSubjects);
