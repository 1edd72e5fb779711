using System.Globalization;
using ScottPlot;
using SemiSegEcg.IO;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Draws a delineated recording as a PNG: one row per lead (band-passed 0.67–40 Hz, all leads at the same mV scale,
/// as on ECG paper), P, QRS and T spans shaded blue, red and green with a dot on each peak, and on top a consensus row
/// (the consensus waves over the lead their peaks come from) labelled per beat with PR, QRS and QT in ms (a single-lead
/// record labels its lead instead). The title
/// carries the record's medians: HR, PR, QRS, QT, QTc (Bazett and Fridericia) and the beat count.
/// </summary>
public static class DelineationPlot
{
    private static readonly Color PColor = Color.FromHex("#1f6fd1");
    private static readonly Color QrsColor = Color.FromHex("#d62728");
    private static readonly Color TColor = Color.FromHex("#1a9e3a");
    private const double SpanHalfHeight = 0.46;
    private const string FontName = "DejaVu Sans";

    /// <summary>Height of the band above the consensus row that holds the per-beat labels, in rows.</summary>
    private const double LabelBandRows = 0.42;

    /// <summary>Pixel size of the picture for this result.</summary>
    public static (int Width, int Height) ImageSize(DelineationResult result, DelineationPlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = options ?? new DelineationPlotOptions();
        double rows = RowCount(result, o) + (LabelledTrack(result, o) is null ? 0 : LabelBandRows);
        return (o.WidthPx, o.ChromeHeightPx + (int)Math.Round(o.RowHeightPx * rows));
    }

    /// <summary>Renders and writes the PNG atomically.</summary>
    public static void Save(string pngPath, RecordingInput input, DelineationResult result, DelineationPlotOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        AtomicFile.WriteAllBytes(pngPath, Render(input, result, options));
    }

    public static byte[] Render(RecordingInput input, DelineationResult result, DelineationPlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        var o = options ?? new DelineationPlotOptions();
        o.Validate();
        if (result.Leads.Count != input.LeadCount || result.LengthSamples != input.LengthSamples)
            throw new ArgumentException($"result of record '{result.RecordName}' ({result.Leads.Count} leads, {result.LengthSamples} samples) does not match input '{input.Name}' ({input.LeadCount} leads, {input.LengthSamples} samples)");

        double fs = input.SamplingRateHz;
        int first = Math.Clamp((int)Math.Round(o.StartSeconds * fs), 0, input.LengthSamples - 1);
        int last = Math.Min(input.LengthSamples - 1, first + (int)Math.Round(o.MaxDurationSeconds * fs) - 1);
        double t0 = first / fs, t1 = (last + 1) / fs;

        var bandPass = new EcgBandPass(fs);
        var filtered = input.Leads.Select(x => Centered(bandPass.Apply(x), first, last)).ToArray();
        double rowSpacing = RowSpacingMv(filtered, first, last);

        var plot = new Plot();
        plot.Font.Set(FontName);
        var rows = new List<(string Name, double[] Signal, LeadDelineation Track)>();
        if (ShowsConsensus(result, o))
        {
            int peakLead = LeadConsensus.PeakLead(input.LeadNames, filtered);
            rows.Add(($"consensus\n({input.LeadNames[peakLead]})", filtered[peakLead], result.Consensus!));
        }
        for (int lead = 0; lead < input.LeadCount; lead++) rows.Add((input.LeadNames[lead], filtered[lead], result.Leads[lead]));

        var tickPositions = new double[rows.Count];
        var tickLabels = new string[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            double center = -r * rowSpacing;
            tickPositions[r] = center;
            tickLabels[r] = rows[r].Name;
            DrawRow(plot, rows[r].Signal, rows[r].Track, center, rowSpacing, fs, first, last);
        }
        if (LabelledTrack(result, o) is { } labelled) LabelBeats(plot, labelled, fs, first, last, rowSpacing, o.WidthPx / (t1 - t0));

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(tickPositions.Reverse().ToArray(), tickLabels.Reverse().ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.Bold = true;
        plot.Axes.Bottom.TickGenerator = TimeTicks(t0, t1);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.XLabel("time (s)", 14);
        plot.Grid.XAxisStyle.MajorLineStyle.Color = Color.FromHex("#bdbdbd");
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 1;
        plot.Grid.XAxisStyle.MinorLineStyle.Color = Color.FromHex("#ececec");
        plot.Grid.XAxisStyle.MinorLineStyle.Width = 1;
        plot.Grid.YAxisStyle.IsVisible = false;
        double labelBand = LabelledTrack(result, o) is null ? 0 : LabelBandRows * rowSpacing;
        plot.Axes.SetLimits(t0, t1, -(rows.Count - 0.5) * rowSpacing, 0.5 * rowSpacing + labelBand);
        plot.Title(Title(input, result, t0, t1), 17);

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "P", FillColor = PColor.WithAlpha(0.35) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "QRS", FillColor = QrsColor.WithAlpha(0.35) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "T", FillColor = TColor.WithAlpha(0.35) });
        plot.Legend.FontSize = 14;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Top);

        var (width, height) = ImageSize(result, o);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static int RowCount(DelineationResult result, DelineationPlotOptions o) => result.Leads.Count + (ShowsConsensus(result, o) ? 1 : 0);

    private static bool ShowsConsensus(DelineationResult result, DelineationPlotOptions o) => o.ShowConsensusRow && result.Consensus is not null;

    /// <summary>The track whose beats get interval labels: the consensus row, or the only lead.</summary>
    private static LeadDelineation? LabelledTrack(DelineationResult result, DelineationPlotOptions o) =>
        ShowsConsensus(result, o) ? result.Consensus : result.Leads.Count == 1 ? result.Leads[0] : null;

    private static void DrawRow(Plot plot, double[] signal, LeadDelineation track, double center, double rowSpacing, double fs, int first, int last)
    {
        foreach (var w in track.Waves)
        {
            if (w.Offset < first || w.Onset > last) continue;
            var color = WaveColor(w.Kind);
            var span = plot.Add.Rectangle(w.Onset / fs, (w.Offset + 1) / fs, center - SpanHalfHeight * rowSpacing, center + SpanHalfHeight * rowSpacing);
            span.FillColor = color.WithAlpha(0.22);
            span.LineWidth = 0;
        }

        var ys = new double[last - first + 1];
        for (int i = 0; i < ys.Length; i++) ys[i] = signal[first + i] + center;
        var line = plot.Add.Signal(ys, 1 / fs, Colors.Black);
        line.Data.XOffset = first / fs;
        line.LineWidth = 1.3f;

        foreach (var w in track.Waves)
        {
            if (w.Peak < first || w.Peak > last) continue;
            var marker = plot.Add.Marker(w.Peak / fs, signal[w.Peak] + center, MarkerShape.FilledCircle, 6, WaveColor(w.Kind));
            marker.MarkerLineColor = Colors.White;
        }
    }

    /// <summary>PR / QRS / QT of each beat above the first row, where the beats leave room for the text.</summary>
    private static void LabelBeats(Plot plot, LeadDelineation track, double fs, int first, int last, double rowSpacing, double pxPerSecond)
    {
        var beats = track.Beats.Where(b => b.Qrs.Onset >= first && b.Qrs.Onset <= last).ToList();
        const double minimumGapPx = 62;
        double previousX = double.NegativeInfinity;
        foreach (var b in beats)
        {
            double x = (b.P?.Onset ?? b.Qrs.Onset) / fs;
            // Skip a label that would overlap the previous one or be cut by the right edge.
            if ((x - previousX) * pxPerSecond < minimumGapPx || ((last + 1) / fs - x) * pxPerSecond < minimumGapPx) continue;
            previousX = x;
            var lines = new List<string>();
            if (b.PrMs is { } pr) lines.Add($"PR {pr:0}");
            lines.Add($"QRS {b.QrsMs:0}");
            if (b.QtMs is { } qt) lines.Add($"QT {qt:0}");
            var text = plot.Add.Text(string.Join("\n", lines), x, (0.5 + LabelBandRows) * rowSpacing);
            text.LabelFontSize = 13;
            text.LabelFontName = FontName;
            text.LabelFontColor = Color.FromHex("#202020");
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
            text.LabelAlignment = Alignment.UpperLeft;
            text.LabelPadding = 2;
        }
    }

    private static string Title(RecordingInput input, DelineationResult result, double t0, double t1)
    {
        var s = result.Summary;
        var parts = new List<string> { $"{result.RecordName}" };
        if (s.HeartRateBpm is { } hr) parts.Add($"HR {hr:0} bpm");
        if (s.PrMs is { } pr) parts.Add($"PR {pr:0} ms");
        if (s.QrsMs is { } qrs) parts.Add($"QRS {qrs:0} ms");
        if (s.QtMs is { } qt) parts.Add($"QT {qt:0} ms");
        if (s.QtcBazettMs is { } qb) parts.Add($"QTc {qb:0} (Bazett) / {s.QtcFridericiaMs ?? double.NaN:0} ms (Fridericia)");
        parts.Add($"{s.BeatCount} beats ({s.Source} medians)");
        string window = t1 - t0 < input.DurationSeconds - 1e-9
            ? string.Create(CultureInfo.InvariantCulture, $"  [{t0:0.#}–{t1:0.#} s of {input.DurationSeconds:0.#} s]")
            : "";
        return string.Join("   ·   ", parts) + window;
    }

    private static ScottPlot.TickGenerators.NumericManual TimeTicks(double t0, double t1)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        double span = t1 - t0;
        double major = span <= 12 ? 1 : span <= 30 ? 2 : 5;
        double minor = span <= 12 ? 0.2 : major / 5;
        for (double t = Math.Ceiling(t0 / minor) * minor; t <= t1 + 1e-9; t += minor)
        {
            double rounded = Math.Round(t / minor) * minor;
            if (Math.Abs(rounded / major - Math.Round(rounded / major)) < 1e-6)
                ticks.AddMajor(rounded, rounded.ToString("0.#", CultureInfo.InvariantCulture));
            else ticks.AddMinor(rounded);
        }
        return ticks;
    }

    private static Color WaveColor(WaveKind kind) => kind switch
    {
        WaveKind.P => PColor,
        WaveKind.Qrs => QrsColor,
        _ => TColor,
    };

    /// <summary>Shifts the lead so its excursion in view (0.05th to 99.95th percentile: an R tip is a few samples) is
    /// centred on zero: an upright QRS then does not reach into the row above.</summary>
    private static double[] Centered(double[] x, int first, int last)
    {
        var (low, high) = Range(x, first, last);
        double middle = (low + high) / 2;
        for (int i = 0; i < x.Length; i++) x[i] -= middle;
        return x;
    }

    /// <summary>Row pitch in mV: the largest excursion of any lead in view, at least 1 mV, so rows rarely collide.</summary>
    private static double RowSpacingMv(double[][] leads, int first, int last)
    {
        double largest = 0;
        foreach (var x in leads)
        {
            var (low, high) = Range(x, first, last);
            largest = Math.Max(largest, high - low);
        }
        return Math.Max(1.0, 1.08 * largest);
    }

    private static (double Low, double High) Range(double[] x, int first, int last)
    {
        var view = x.AsSpan(first, last - first + 1);
        return (Percentile.Linear(view, 0.05), Percentile.Linear(view, 99.95));
    }
}
