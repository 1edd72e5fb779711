namespace SemiSegEcg.Cli;

/// <summary>
/// Sizes the live progress line to the terminal: a progress line longer than the terminal wraps, and Spectre's live
/// display then redraws over the lines printed above it. The bar shrinks with the width and the task description
/// keeps only the meters that fit; every meter is still in the per-epoch line printed below the bar.
/// </summary>
public static class ProgressLayout
{
    /// <summary>Percentage (4), elapsed and remaining time (8 each), spinner (1) and the gaps between six columns.</summary>
    private const int FixedColumns = 4 + 8 + 8 + 1 + 6;

    public static int BarWidth(int consoleWidth) => Math.Clamp(consoleWidth / 6, 10, 40);

    /// <summary>Room left for the description on a console <paramref name="consoleWidth"/> columns wide (at least 12).</summary>
    public static int DescriptionWidth(int consoleWidth) => Math.Max(12, consoleWidth - BarWidth(consoleWidth) - FixedColumns - 1);

    /// <summary>
    /// The parts joined by spaces, in order, for as long as they fit in <paramref name="width"/>; the first part is
    /// always kept (cut with an ellipsis if it alone is too long).
    /// </summary>
    public static string Fit(IReadOnlyList<string> parts, int width)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) return "";
        string text = parts[0].Length <= width ? parts[0] : parts[0][..Math.Max(0, width - 1)] + "…";
        foreach (string part in parts.Skip(1))
        {
            if (text.Length + 1 + part.Length > width) break;
            text += " " + part;
        }
        return text;
    }
}
