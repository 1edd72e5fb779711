namespace SemiSegEcg.Data.Prepare;

/// <summary>Something a preparer left out, and why (reported to the user, never silent).</summary>
public sealed record DroppedItem(string Item, string Reason);
