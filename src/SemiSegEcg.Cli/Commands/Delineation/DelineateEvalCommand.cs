using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Delineation;
using SemiSegEcg.Delineation.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Delineation;

/// <summary>
/// Scores a trained model's delineations against manual annotations the way the literature does: per fiducial Se, PPV
/// and mean ± SD of the signed error, on LUDB's test split and on QTDB's q1c beats.
/// </summary>
public sealed class DelineateEvalCommand : Command<DelineateEvalSettings>
{
    public const string CsvName = "delineation_scores.csv";
    public const string JsonName = "delineation_scores.json";

    public override int Execute(CommandContext context, DelineateEvalSettings settings, CancellationToken cancellationToken)
    {
        // Every input is read before the model runs, so a bad folder or index fails at once and writes nothing.
        var ludbRecords = settings.Ludb is null ? null
            : Limited(settings.TestIndex is null ? LudbTestRecords.Reproduce(settings.Ludb, settings.SplitSeed) : LudbTestRecords.FromIndex(settings.TestIndex), settings.Limit);
        var qtdbRecords = settings.Qtdb is null ? null : Limited(RawRecordList.Find(settings.Qtdb, "QTDB"), settings.Limit);
        var offsetRule = Enum.Parse<OffsetRule>(settings.OffsetRule, ignoreCase: true);

        if (settings.Threads is int n) TorchSharp.torch.set_num_threads(n);
        using var trained = DelineationModel.Load(settings.Model, settings.Config);
        var delineator = trained.CreateDelineator(new DelineationOptions { AtrialActivity = new AtrialActivityOptions { Enabled = !settings.KeepPWaves } });
        var evaluation = new DelineationEvaluation(recording =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return delineator.Delineate(recording);
        }, offsetRule, settings.ToleranceMs);

        var notes = new List<string>();
        var progress = new ConsoleLines();
        var tables = new List<FiducialTable>();
        if (ludbRecords is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"LUDB: {ludbRecords.Count} test record(s)");
            tables.AddRange(evaluation.ScoreLudb(settings.Ludb!, ludbRecords, notes, progress));
        }
        if (qtdbRecords is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"QTDB: {qtdbRecords.Count} record(s)");
            tables.AddRange(evaluation.ScoreQtdb(settings.Qtdb!, qtdbRecords, notes, progress));
        }

        foreach (string note in notes) AnsiConsole.MarkupLineInterpolated($"[yellow]{note}[/]");
        foreach (var table in tables) AnsiConsole.Write(FiducialTableConsole.ToConsole(table));
        foreach (string convention in FiducialTableWriter.Conventions(settings.ToleranceMs, offsetRule)) AnsiConsole.MarkupLineInterpolated($"[grey]• {convention}[/]");
        Directory.CreateDirectory(settings.Out);
        FiducialTableWriter.WriteCsv(Path.Combine(settings.Out, CsvName), tables);
        FiducialTableWriter.WriteJson(Path.Combine(settings.Out, JsonName), tables, offsetRule, notes);
        AnsiConsole.MarkupLineInterpolated($"[green]done[/] → {DisplayPath.AsTyped(Path.Combine(settings.Out, CsvName))}, {JsonName}");
        return 0;
    }

    /// <summary>Prints each progress line at once, on the calling thread (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class ConsoleLines : IProgress<string>
    {
        public void Report(string value) => AnsiConsole.MarkupLineInterpolated($"[grey]{value}[/]");
    }

    private static IReadOnlyList<string> Limited(IReadOnlyList<string> records, int? limit) =>
        limit is int n ? records.Take(n).ToList() : records;
}
