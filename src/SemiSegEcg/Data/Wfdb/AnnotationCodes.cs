using System.Collections.Frozen;
using System.Globalization;

namespace SemiSegEcg.Data.Wfdb;

/// <summary>
/// The standard WFDB annotation codes (<c>ecgcodes.h</c>) and their display symbols (<c>annstr</c>).
/// Codes 1–49 are annotation types (15, 17 and 42–49 have no standard meaning and print as <c>[15]</c> etc.);
/// 59–63 are the MIT-format pseudo-codes SKIP, NUM, SUB, CHN and AUX.
/// </summary>
public static class AnnotationCodes
{
    public const int NotQrs = 0;
    public const int Normal = 1;
    public const int Lbbb = 2;
    public const int Rbbb = 3;
    public const int Aberrant = 4;
    public const int Pvc = 5;
    public const int Fusion = 6;
    public const int Npc = 7;
    public const int Apc = 8;
    public const int Svpb = 9;
    public const int VentricularEscape = 10;
    public const int NodalEscape = 11;
    public const int Paced = 12;
    public const int Unknown = 13;
    public const int Noise = 14;
    public const int Artifact = 16;
    public const int StChange = 18;
    public const int TChange = 19;
    public const int Systole = 20;
    public const int Diastole = 21;
    public const int Note = 22;
    public const int Measure = 23;
    public const int PWave = 24;
    public const int BundleBranchBlock = 25;
    public const int PacerSpike = 26;
    public const int TWave = 27;
    public const int Rhythm = 28;
    public const int UWave = 29;
    public const int Learn = 30;
    public const int FlutterWave = 31;
    public const int VfOnset = 32;
    public const int VfOffset = 33;
    public const int AtrialEscape = 34;
    public const int SupraventricularEscape = 35;
    public const int Link = 36;
    public const int Napc = 37;
    public const int PacedFusion = 38;
    public const int WaveformOnset = 39;
    public const int WaveformEnd = 40;
    public const int ROnT = 41;

    /// <summary>Largest annotation type code (ACMAX); codes above it are pseudo-codes or reserved.</summary>
    public const int MaxCode = 49;

    public const int Skip = 59;
    public const int Num = 60;
    public const int Sub = 61;
    public const int Chn = 62;
    public const int Aux = 63;

    private static readonly FrozenDictionary<int, (string Symbol, string Mnemonic)> Table = new Dictionary<int, (string, string)>
    {
        [0] = (" ", "NOTQRS"), [1] = ("N", "NORMAL"), [2] = ("L", "LBBB"), [3] = ("R", "RBBB"), [4] = ("a", "ABERR"),
        [5] = ("V", "PVC"), [6] = ("F", "FUSION"), [7] = ("J", "NPC"), [8] = ("A", "APC"), [9] = ("S", "SVPB"),
        [10] = ("E", "VESC"), [11] = ("j", "NESC"), [12] = ("/", "PACE"), [13] = ("Q", "UNKNOWN"), [14] = ("~", "NOISE"),
        [16] = ("|", "ARFCT"), [18] = ("s", "STCH"), [19] = ("T", "TCH"), [20] = ("*", "SYSTOLE"),
        [21] = ("D", "DIASTOLE"), [22] = ("\"", "NOTE"), [23] = ("=", "MEASURE"), [24] = ("p", "PWAVE"), [25] = ("B", "BBB"),
        [26] = ("^", "PACESP"), [27] = ("t", "TWAVE"), [28] = ("+", "RHYTHM"), [29] = ("u", "UWAVE"), [30] = ("?", "LEARN"),
        [31] = ("!", "FLWAV"), [32] = ("[", "VFON"), [33] = ("]", "VFOFF"), [34] = ("e", "AESC"), [35] = ("n", "SVESC"),
        [36] = ("@", "LINK"), [37] = ("x", "NAPC"), [38] = ("f", "PFUS"), [39] = ("(", "WFON"), [40] = (")", "WFOFF"),
        [41] = ("r", "RONT"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> CodeBySymbol =
        Table.Where(kv => kv.Key != NotQrs).ToFrozenDictionary(kv => kv.Value.Symbol, kv => kv.Key, StringComparer.Ordinal);

    private static readonly FrozenSet<int> BeatCodes = new[]
    {
        Normal, Lbbb, Rbbb, Aberrant, Pvc, Fusion, Npc, Apc, Svpb, VentricularEscape, NodalEscape, Paced, Unknown,
        BundleBranchBlock, Learn, AtrialEscape, SupraventricularEscape, Napc, PacedFusion, ROnT,
    }.ToFrozenSet();

    /// <summary>True for beat (QRS) annotation codes — WFDB's <c>isqrs</c> table; delineation files mark QRS peaks with them.</summary>
    public static bool IsBeat(int code) => BeatCodes.Contains(code);

    /// <summary>Codes that have a standard symbol (0–14, 16, 18–41).</summary>
    public static IReadOnlyList<int> StandardCodes { get; } = Array.AsReadOnly(Table.Keys.Order().ToArray());

    /// <summary>Display symbol of an annotation code: the standard mnemonic character, or <c>[code]</c> when there is none.</summary>
    public static string Symbol(int code) =>
        Table.TryGetValue(code, out var entry) ? entry.Symbol : $"[{code.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The <c>ecgcodes.h</c> name (NORMAL, PWAVE, WFON, …), or null for a code without one.</summary>
    public static string? Mnemonic(int code) => Table.TryGetValue(code, out var entry) ? entry.Mnemonic : null;

    /// <summary>Code of a symbol: a standard symbol (case-sensitive: <c>N</c> ≠ <c>n</c>) or the <c>[code]</c> form.</summary>
    public static bool TryGetCode(string symbol, out int code)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (CodeBySymbol.TryGetValue(symbol, out code)) return true;
        if (symbol.Length > 2 && symbol[0] == '[' && symbol[^1] == ']'
            && int.TryParse(symbol.AsSpan(1, symbol.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out code)
            && code is > 0 and <= MaxCode)
            return true;
        code = 0;
        return false;
    }

    public static int Code(string symbol) =>
        TryGetCode(symbol, out int code)
            ? code
            : throw new ArgumentException($"'{symbol}' is not a WFDB annotation symbol (standard symbols: {string.Concat(CodeBySymbol.Keys.Order(StringComparer.Ordinal))}, or [code])", nameof(symbol));
}
