namespace SemiSegEcg.Data.Prepare;

/// <summary>The 12 lead names of the Zhejiang files, and how a name written in a file is matched to them.</summary>
public static class ZhejiangLeads
{
    /// <summary>Column order of the signal CSVs (alphabetical, as distributed).</summary>
    public static readonly string[] ColumnOrder = ["aVF", "aVL", "aVR", "I", "II", "III", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>Order in which a record's samples are produced (the standard 12-lead order).</summary>
    public static readonly string[] StandardOrder = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>The canonical name (<c>avf</c>, <c>AVF</c> → <c>aVF</c>), or null when the text is no lead name.</summary>
    public static string? Canonical(string written)
    {
        string key = SampleSignals.LeadName(written.Trim().Trim('"', '\''));
        return StandardOrder.FirstOrDefault(l => SampleSignals.LeadName(l) == key);
    }
}
