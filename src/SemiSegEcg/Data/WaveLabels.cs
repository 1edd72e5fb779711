namespace SemiSegEcg.Data;

/// <summary>The per-sample class ids of every mask in the benchmark, and the one sentinel.</summary>
public static class WaveLabels
{
    public const byte Background = 0;
    public const byte P = 1;
    public const byte Qrs = 2;
    public const byte T = 3;

    /// <summary>Number of classes, background included.</summary>
    public const int ClassCount = 4;

    /// <summary>Unannotated sample: excluded from the loss and from every metric.</summary>
    public const byte Ignore = 255;

    public static readonly string[] Names = ["background", "P", "QRS", "T"];
}
