using System.Diagnostics;
using System.Globalization;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Delineation;
using SemiSegEcg.Delineation.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Delineation;

/// <summary>Applies a trained model to any recordings: waves, beats and intervals per lead and as a lead consensus.</summary>
public sealed class DelineateCommand : Command<DelineateSettings>
{
    public const string ReferenceCsvSuffix = ".reference_scores.csv";
    public const string ReferenceJsonSuffix = ".reference_scores.json";

    /// <summary>Leads up to which every lead's score table is printed; the files always hold them all.</summary>
    public const int LeadTablesPrinted = 3;

    /// <summary>The offset rule of the benchmark's training masks, as <c>delineate-eval</c> defaults to.</summary>
    private const OffsetRule ReferenceOffsetRule = OffsetRule.Exclusive;

    public override int Execute(CommandContext context, DelineateSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Threads is int n) TorchSharp.torch.set_num_threads(n);
        // The plotting library's cold start overlaps the model's load and inference instead of following them.
        var plotWarmUp = settings.Plot ? Task.Run(DelineationPlot.WarmUp) : Task.CompletedTask;
        // Folders and RECORDS files are expanded first, so a wrong one stops the command before the model loads.
        var inputs = settings.Inputs.SelectMany(RecordingSources.Expand).ToList();
        // The reference files too: a missing one is named before the model loads and before anything is written.
        if (settings.Reference is { } annotator)
            foreach (string input in inputs) RecordReference.RequireFiles(input, annotator, settings.LeadList);
        using var trained = DelineationModel.Load(settings.Model, settings.Config);
        var delineator = trained.CreateDelineator(new DelineationOptions
        {
            IncludeConsensus = !settings.NoConsensus,
            AtrialActivity = new AtrialActivityOptions { Enabled = !settings.KeepPWaves },
        });
        Directory.CreateDirectory(settings.Out);

        var table = SummaryTable();
        var notes = new List<string>();
        foreach (string input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var recording = RecordingReader.Read(input, settings.SamplingRateHz, settings.LeadList);
            var result = delineator.Delineate(recording);
            // Per-lead references of leads left out by --leads are not scored.
            var references = settings.Reference is { } reference
                ? RecordReference.Read(input, reference, notes).Where(r => r.Lead is null || recording.LeadIndex(r.Lead) >= 0).ToList()
                : null;
            var written = new List<string>();
            foreach (string format in settings.Formats)
            {
                switch (format)
                {
                    case "csv": written.AddRange(DelineationCsvWriter.Write(settings.Out, result)); break;
                    case "json":
                        string json = Path.Combine(settings.Out, result.RecordName + ".json");
                        DelineationJsonWriter.Write(json, result);
                        written.Add(json);
                        break;
                    case "wfdb": written.AddRange(DelineationWfdbWriter.Write(settings.Out, result)); break;
                }
            }
            if (settings.Plot)
            {
                // Rethrows a warm-up failure as itself (the renderer would fail the same way), not wrapped.
                plotWarmUp.GetAwaiter().GetResult();
                string png = Path.Combine(settings.Out, result.RecordName + ".png");
                DelineationPlot.Save(png, recording, result, reference: references is null ? null : ReferenceOverlay.From(settings.Reference!, references));
                written.Add(png);
            }
            if (references is not null) written.AddRange(ScoreAgainstReference(settings, result, references, notes));
            foreach (string warning in result.Warnings) AnsiConsole.MarkupLineInterpolated($"[yellow]{input}: {warning}[/]");
            foreach (string note in notes) AnsiConsole.MarkupLineInterpolated($"[yellow]{note}[/]");
            notes.Clear();
            AddRow(table, result, clock.Elapsed);
            AnsiConsole.MarkupLineInterpolated($"[grey]{input} → {string.Join(", ", written.Select(Path.GetFileName))}[/]");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[green]done[/] → {DisplayPath.AsTyped(settings.Out)}");
        return 0;
    }

    /// <summary>
    /// Prints the record's per-fiducial scores (every lead's table when there are at most
    /// <see cref="LeadTablesPrinted"/> leads, else the pooled and consensus tables) and writes all of them beside the
    /// record's other outputs.
    /// </summary>
    private static IEnumerable<string> ScoreAgainstReference(DelineateSettings settings, DelineationResult result, IReadOnlyList<LeadReference> references, List<string> notes)
    {
        var tables = RecordScoring.Score(result, references, ReferenceOffsetRule, notes);
        bool everyLead = tables.Count(t => t.Name is not (RecordScoring.PooledName or RecordScoring.ConsensusName)) <= LeadTablesPrinted;
        foreach (var t in tables.Where(t => everyLead || t.Name is RecordScoring.PooledName or RecordScoring.ConsensusName))
            AnsiConsole.Write(FiducialTableConsole.ToConsole(t, $"{result.RecordName} vs {RecordReference.Describe(settings.Reference!)}: {t.Name} (±{t.ToleranceMs:0.###} ms)"));
        string csv = Path.Combine(settings.Out, result.RecordName + ReferenceCsvSuffix);
        string json = Path.Combine(settings.Out, result.RecordName + ReferenceJsonSuffix);
        FiducialTableWriter.WriteCsv(csv, tables);
        FiducialTableWriter.WriteJson(json, tables, ReferenceOffsetRule, notes);
        return [csv, json];
    }

    private static Table SummaryTable()
    {
        var table = new Table().RoundedBorder().Title("median per record (ms, bpm)");
        table.AddColumn("record");
        foreach (string h in new[] { "leads", "beats", "HR", "PR", "QRS", "QT", "QTc Bazett", "QTc Fridericia", "time" })
            table.AddColumn(new TableColumn(h).RightAligned());
        return table;
    }

    private static void AddRow(Table table, DelineationResult r, TimeSpan elapsed)
    {
        static string F(double? v) => v is double d ? d.ToString("0", CultureInfo.InvariantCulture) : "–";
        var s = r.Summary;
        table.AddRow(Markup.Escape(r.RecordName), r.Leads.Count.ToString(CultureInfo.InvariantCulture), s.BeatCount.ToString(CultureInfo.InvariantCulture),
            F(s.HeartRateBpm), F(s.PrMs), F(s.QrsMs), F(s.QtMs), F(s.QtcBazettMs), F(s.QtcFridericiaMs),
            $"{elapsed.TotalMilliseconds:0} ms");
    }
}
