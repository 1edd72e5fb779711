namespace SemiSegEcg.Data.Prepare;

/// <summary>A database that went into a merged setting.</summary>
/// <param name="PathPrefix">What its entries' paths start with in the merged indexes: its folder relative to the
/// data root (e.g. <c>ludb</c>), or its absolute folder when it does not lie under the data root.</param>
public sealed record MergedDatabase(string Prefix, string Root, bool IsLabeled, string PathPrefix);
