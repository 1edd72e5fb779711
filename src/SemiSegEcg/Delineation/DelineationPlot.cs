using System.Globalization;
using ScottPlot;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.IO;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Draws a delineated recording as a PNG: one row per lead (band-passed 0.67–40 Hz, all leads at the same mV scale,
/// as on ECG paper), P, QRS and T spans shaded blue, red and green with a dot on each peak, and on top a consensus row
/// (the consensus waves over the lead their peaks come from) labelled per beat with PR, QRS and QT in ms (a single-lead
/// record labels its lead instead). Rows carry the usual lead names (<see cref="LeadDisplayNames"/>). The title
/// carries the record's medians: HR, PR, QRS, QT, QTc (Bazett and Fridericia) and the beat count.
/// <para>
/// The background is the ECG-paper grid in its units: major lines every 0.2 s and 0.5 mV, minor lines every 0.04 s and
/// 0.1 mV where they fall at least <see cref="MinorGridMinimumPx"/> apart (a 20-s view at 1600 px drops the 0.04-s
/// lines). Rows sit a whole number of 0.5 mV apart, so every row's centre is a major line and the right-hand mV
/// scale (…, −0.5, 0, 0.5, … around each row's centre) reads the same in every row. Time and amplitude are scaled to fit the
/// picture, not at paper's 25 mm/s and 10 mm/mV, so the grid's cells are not square.
/// </para>
/// <para>
/// A <see cref="ReferenceOverlay"/> draws the reference waves as thin bars in the wave colours along the bottom of
/// each row, with a legend entry naming the annotator.
/// </para>
/// </summary>
public static class DelineationPlot
{
    private static readonly Color PColor = Color.FromHex("#1f6fd1");
    private static readonly Color QrsColor = Color.FromHex("#d62728");
    private static readonly Color TColor = Color.FromHex("#1a9e3a");
    private const double SpanHalfHeight = 0.46;
    private const string FontName = "DejaVu Sans";

    /// <summary>Reference bars: the band of a row, from its bottom, in rows.</summary>
    private const double ReferenceBarLow = 0.46, ReferenceBarHigh = 0.40;

    /// <summary>ECG-paper grid: major and minor line pitch in s and mV.</summary>
    private const double MajorSeconds = 0.2, MinorSeconds = 0.04, MajorMv = 0.5, MinorMv = 0.1;

    /// <summary>Closest minor grid lines drawn, in pixels.</summary>
    public const double MinorGridMinimumPx = 4;

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
    public static void Save(string pngPath, RecordingInput input, DelineationResult result, DelineationPlotOptions? options = null, ReferenceOverlay? reference = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        AtomicFile.WriteAllBytes(pngPath, Render(input, result, options, reference));
    }

    public static byte[] Render(RecordingInput input, DelineationResult result, DelineationPlotOptions? options = null, ReferenceOverlay? reference = null)
    {
        var (width, height) = ImageSize(result, options);
        return EncodePng(Build(input, result, options, reference), width, height);
    }

    /// <summary>
    /// Renders a small throw-away picture with the same kinds of plottables, fonts and axes as <see cref="Build"/>, so
    /// that the plotting library's one-time costs (loading its native renderer, the font, compiling its drawing code:
    /// about half a second on a cold process) can be paid on another core while the model loads and runs.
    /// </summary>
    public static void WarmUp()
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Add.Signal(new double[] { 0, 1, 0, -1 }, 0.1, Colors.Black);
        plot.Add.Rectangle(0, 0.1, -0.5, 0.5).FillColor = PColor.WithAlpha(0.18);
        plot.Add.Marker(0.1, 1, MarkerShape.FilledCircle, 6, QrsColor);
        plot.Add.Text("PR 160", 0.2, 1).LabelFontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0.0], ["II"]);
        plot.XLabel("time (s)", 14);
        plot.Axes.Right.Label.Text = "mV";
        plot.Title("warm-up", 17);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "P", FillColor = PColor.WithAlpha(0.35) });
        plot.ShowLegend(Edge.Top);
        _ = EncodePng(plot, 160, 120);
    }

    /// <summary>
    /// Renders and encodes with the "up" row filter at zlib level 3: on a 1600 × 2800 px 12-lead picture that is
    /// 45 ms of encoding instead of the 220 ms of the plotting library's default (every filter tried per row, level 6),
    /// for a file about 5 % larger — the encoding was half of the picture's time.
    /// </summary>
    private static byte[] EncodePng(Plot plot, int width, int height)
    {
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height))
            ?? throw new InvalidOperationException($"cannot allocate a {width} × {height} px drawing surface");
        plot.Render(surface.Canvas, width, height);
        using var pixels = surface.PeekPixels();
        using var png = pixels.Encode(new SkiaSharp.SKPngEncoderOptions(SkiaSharp.SKPngEncoderFilterFlags.Up, 3))
            ?? throw new InvalidOperationException($"PNG encoding of a {width} × {height} px picture failed");
        return png.ToArray();
    }

    /// <summary>The plot <see cref="Render"/> draws, before rendering.</summary>
    public static Plot Build(RecordingInput input, DelineationResult result, DelineationPlotOptions? options = null, ReferenceOverlay? reference = null)
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
            rows.Add(($"consensus\n({LeadDisplayNames.Display(input.LeadNames[peakLead])})", filtered[peakLead], result.Consensus!));
        }
        for (int lead = 0; lead < input.LeadCount; lead++) rows.Add((LeadDisplayNames.Display(input.LeadNames[lead]), filtered[lead], result.Leads[lead]));

        var tickPositions = new double[rows.Count];
        var tickLabels = new string[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            double center = -r * rowSpacing;
            tickPositions[r] = center;
            tickLabels[r] = rows[r].Name;
            DrawRow(plot, rows[r].Signal, rows[r].Track, center, rowSpacing, fs, first, last);
            if (reference is not null) DrawReference(plot, reference.WavesOf(rows[r].Track.Lead), center, rowSpacing, fs, first, last);
        }
        if (LabelledTrack(result, o) is { } labelled) LabelBeats(plot, labelled, fs, first, last, rowSpacing, o.WidthPx / (t1 - t0));

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(tickPositions.Reverse().ToArray(), tickLabels.Reverse().ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.Bold = true;
        var (width, height) = ImageSize(result, o);
        double labelBand = LabelledTrack(result, o) is null ? 0 : LabelBandRows * rowSpacing;
        double bottom = -(rows.Count - 0.5) * rowSpacing, top = 0.5 * rowSpacing + labelBand;
        plot.Axes.Bottom.TickGenerator = TimeTicks(t0, t1, width / (t1 - t0));
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.XLabel("time (s)", 14);
        plot.Axes.Right.TickGenerator = MillivoltTicks(bottom, top, rowSpacing, height / (top - bottom));
        plot.Axes.Right.TickLabelStyle.FontSize = 11;
        plot.Axes.Right.Label.Text = "mV";
        plot.Axes.Right.Label.FontSize = 14;
        plot.Grid.YAxis = plot.Axes.Right;
        foreach (var style in new[] { plot.Grid.XAxisStyle, plot.Grid.YAxisStyle })
        {
            style.MajorLineStyle.Color = Color.FromHex("#f0a8a8");
            style.MajorLineStyle.Width = 1;
            style.MinorLineStyle.Color = Color.FromHex("#fbe3e3");
            style.MinorLineStyle.Width = 1;
        }
        plot.Axes.SetLimits(t0, t1, bottom, top);
        plot.Axes.SetLimitsY(bottom, top, plot.Axes.Right);
        plot.Title(Title(input, result, t0, t1), 17);

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "P", FillColor = PColor.WithAlpha(0.35) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "QRS", FillColor = QrsColor.WithAlpha(0.35) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "T", FillColor = TColor.WithAlpha(0.35) });
        if (reference is not null) plot.Legend.ManualItems.Add(new LegendItem { LabelText = reference.Label + ": bars under each row", FillColor = Colors.DimGray });
        plot.Legend.FontSize = 14;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Top);
        return plot;
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

    /// <summary>Each reference wave in view as a thin bar along the bottom of the row, in its wave's colour.</summary>
    private static void DrawReference(Plot plot, IReadOnlyList<WaveSpan> waves, double center, double rowSpacing, double fs, int first, int last)
    {
        foreach (var w in waves)
        {
            long start = w.Onset ?? w.Peak ?? w.Offset;
            if (w.Offset < first || start > last) continue;
            var bar = plot.Add.Rectangle(start / fs, (w.Offset + 1) / fs, center - ReferenceBarLow * rowSpacing, center - ReferenceBarHigh * rowSpacing);
            bar.FillColor = WaveColor((WaveKind)w.ClassId).WithAlpha(0.85);
            bar.LineWidth = 0;
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

    /// <summary>Grid lines every 0.2 s (labelled every 1, 2 or 5 s by span) and every 0.04 s where there is room.</summary>
    private static ScottPlot.TickGenerators.NumericManual TimeTicks(double t0, double t1, double pxPerSecond)
    {
        double span = t1 - t0;
        double labelled = span <= 12 ? 1 : span <= 30 ? 2 : 5;
        return GridTicks(t0, t1, MinorSeconds * pxPerSecond >= MinorGridMinimumPx, t =>
            IsMultiple(t, labelled) ? t.ToString("0.#", CultureInfo.InvariantCulture) : "", MajorSeconds, MinorSeconds);
    }

    /// <summary>Grid lines every 0.5 mV and 0.1 mV; each major line labelled in mV from the nearest row's centre (none midway).</summary>
    private static ScottPlot.TickGenerators.NumericManual MillivoltTicks(double bottom, double top, double rowSpacing, double pxPerMv) =>
        GridTicks(bottom, top, MinorMv * pxPerMv >= MinorGridMinimumPx, y =>
        {
            double fromCentre = y - Math.Round(y / rowSpacing) * rowSpacing;
            bool midway = Math.Abs(Math.Abs(fromCentre) - rowSpacing / 2) < 1e-6;
            return midway ? "" : (Math.Round(fromCentre / MajorMv) * MajorMv).ToString("0.#", CultureInfo.InvariantCulture);
        }, MajorMv, MinorMv);

    private static ScottPlot.TickGenerators.NumericManual GridTicks(double from, double to, bool withMinor, Func<double, string> label, double major, double minor)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (long k = (long)Math.Ceiling(from / minor - 1e-9); k * minor <= to + 1e-9; k++)
        {
            double position = k * minor;
            if (IsMultiple(position, major)) ticks.AddMajor(position, label(position));
            else if (withMinor) ticks.AddMinor(position);
        }
        return ticks;
    }

    private static bool IsMultiple(double value, double step) => Math.Abs(value / step - Math.Round(value / step)) < 1e-6;

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

    /// <summary>Row pitch in mV: the largest excursion of any lead in view, at least 1 mV, so rows rarely collide; rounded
    /// up to a whole number of major grid steps so every row's centre lies on a major line.</summary>
    private static double RowSpacingMv(double[][] leads, int first, int last)
    {
        double largest = 0;
        foreach (var x in leads)
        {
            var (low, high) = Range(x, first, last);
            largest = Math.Max(largest, high - low);
        }
        return Math.Ceiling(Math.Max(1.0, 1.08 * largest) / MajorMv - 1e-9) * MajorMv;
    }

    private static (double Low, double High) Range(double[] x, int first, int last)
    {
        var view = x.AsSpan(first, last - first + 1);
        return (Percentile.Linear(view, 0.05), Percentile.Linear(view, 99.95));
    }
}
