using System.Diagnostics;
using System.Globalization;
using SemiSegEcg.Delineation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Delineation;

/// <summary>Applies a trained model to any recordings: waves, beats and intervals per lead and as a lead consensus.</summary>
public sealed class DelineateCommand : Command<DelineateSettings>
{
    public override int Execute(CommandContext context, DelineateSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Threads is int n) TorchSharp.torch.set_num_threads(n);
        // Folders and RECORDS files are expanded first, so a wrong one stops the command before the model loads.
        var inputs = settings.Inputs.SelectMany(RecordingSources.Expand).ToList();
        using var trained = DelineationModel.Load(settings.Model, settings.Config);
        var delineator = trained.CreateDelineator(new DelineationOptions { IncludeConsensus = !settings.NoConsensus });
        Directory.CreateDirectory(settings.Out);

        var table = SummaryTable();
        foreach (string input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var recording = RecordingReader.Read(input, settings.SamplingRateHz, settings.LeadList);
            var result = delineator.Delineate(recording);
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
                string png = Path.Combine(settings.Out, result.RecordName + ".png");
                DelineationPlot.Save(png, recording, result);
                written.Add(png);
            }
            foreach (string warning in result.Warnings) AnsiConsole.MarkupLineInterpolated($"[yellow]{input}: {warning}[/]");
            AddRow(table, result, clock.Elapsed);
            AnsiConsole.MarkupLineInterpolated($"[grey]{input} → {string.Join(", ", written.Select(Path.GetFileName))}[/]");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[green]done[/] → {DisplayPath.AsTyped(settings.Out)}");
        return 0;
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
