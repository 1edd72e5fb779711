namespace SemiSegEcg.Data.Prepare;

/// <summary>One index of a merged setting: its file, its size, and how many samples each database gave.</summary>
public sealed record MergedSplit(string Split, string IndexFile, int Samples, int Subjects, IReadOnlyDictionary<string, int> SamplesPerDatabase);
