using System.Globalization;
using SemiSegEcg.Delineation.Scoring;
using Spectre.Console;

namespace SemiSegEcg.Cli.Commands.Delineation;

/// <summary>A scored <see cref="FiducialTable"/> as the console shows it: Se, PPV, mean ± SD, matched n and false positives per fiducial.</summary>
public static class FiducialTableConsole
{
    public static Table ToConsole(FiducialTable t, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
        var table = new Table().RoundedBorder().Title(Markup.Escape(title ?? $"{t.Name} ({t.Units} scored, ±{t.ToleranceMs:0.###} ms)"));
        table.AddColumn("fiducial");
        foreach (string h in new[] { "Se %", "PPV %", "mean ± SD (ms)", "n", "FP" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var s in t.Scores)
        {
            table.AddRow(s.Fiducial.ToString(), F(s.SensitivityPercent, "0.00"), F(s.PositivePredictivityPercent, "0.00"),
                $"{F(s.MeanErrorMs, "0.0")} ± {F(s.ErrorSdMs, "0.0")}", s.Matched.ToString(CultureInfo.InvariantCulture),
                s.FalsePositives?.ToString(CultureInfo.InvariantCulture) ?? "–");
        }
        return table;
    }
}
