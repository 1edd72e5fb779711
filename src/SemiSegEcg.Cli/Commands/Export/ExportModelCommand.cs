using System.Globalization;
using SemiSegEcg.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Export;

/// <summary>Writes the compact model file a trained network ships as (the bundled <c>models/delineator.ckpt</c> is one).</summary>
public sealed class ExportModelCommand : Command<ExportModelSettings>
{
    public override int Execute(CommandContext context, ExportModelSettings settings, CancellationToken cancellationToken)
    {
        string source = ModelExport.Export(settings.Source, settings.Out, settings.HalfPrecision);
        double megabytes = new FileInfo(settings.Out).Length / 1e6;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[green]exported[/] {source} → {DisplayPath.AsTyped(settings.Out)} ({megabytes:0.0} MB, {(settings.HalfPrecision ? "fp16" : "fp32")} weights)");
        return 0;
    }
}
