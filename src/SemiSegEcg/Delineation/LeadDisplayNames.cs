using System.Text.RegularExpressions;

namespace SemiSegEcg.Delineation;

/// <summary>
/// The names clinicians print beside a lead (I, II, III, aVR, aVL, aVF, V1–V6, MLII, …) for the spellings records
/// carry (<c>i</c>, <c>avr</c>, <c>ECG II</c>, <c>Lead V1</c>, <c>mlii</c>). A name that is not
/// a known lead comes back exactly as given, so nothing a user chose is renamed by guesswork.
/// </summary>
public static partial class LeadDisplayNames
{
    private static readonly Dictionary<string, string> Limb = new(StringComparer.Ordinal)
    {
        ["i"] = "I", ["ii"] = "II", ["iii"] = "III",
        ["avr"] = "aVR", ["avl"] = "aVL", ["avf"] = "aVF",
        ["mli"] = "MLI", ["mlii"] = "MLII", ["mliii"] = "MLIII",
    };

    public static string Display(string lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        string key = Prefix().Replace(lead.Trim(), "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (Limb.TryGetValue(key, out string? name)) return name;
        // Chest leads V1–V9 and the modified chest leads MV1…, also right-sided V3R/V4R.
        var chest = Chest().Match(key);
        return chest.Success ? chest.Groups["m"].Value.ToUpperInvariant() + "V" + chest.Groups["n"].Value + chest.Groups["r"].Value.ToUpperInvariant() : lead;
    }

    [GeneratedRegex("^(ecg|lead)[ _-]*", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex("^(?<m>m?)v(?<n>[1-9])(?<r>r?)$")]
    private static partial Regex Chest();
}
