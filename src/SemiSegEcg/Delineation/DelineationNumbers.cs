using System.Globalization;

namespace SemiSegEcg.Delineation;

/// <summary>How the writers round: seconds to 1 µs (below any sampling period), intervals to 0.001 ms.</summary>
internal static class DelineationNumbers
{
    public static double Seconds(double value) => Math.Round(value, 6);

    public static double Ms(double value) => Math.Round(value, 3);

    public static string SecondsText(double value) => Seconds(value).ToString("0.######", CultureInfo.InvariantCulture);

    public static string MsText(double? value) => value is { } v ? Ms(v).ToString("0.###", CultureInfo.InvariantCulture) : "";

    public static string WaveName(WaveKind kind) => kind switch
    {
        WaveKind.P => "P",
        WaveKind.Qrs => "QRS",
        WaveKind.T => "T",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown wave kind"),
    };
}
