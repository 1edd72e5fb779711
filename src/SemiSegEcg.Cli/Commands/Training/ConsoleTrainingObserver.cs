using System.Globalization;
using SemiSegEcg.Training;
using Spectre.Console;

namespace SemiSegEcg.Cli.Commands.Training;

/// <summary>A live progress bar (loss and lr as far as the terminal is wide, ETA) and a one-line summary per epoch with every meter.</summary>
public sealed class ConsoleTrainingObserver(ProgressContext context) : ITrainingObserver
{
    private ProgressTask? _task;
    private int _stepsPerEpoch;
    private int _startEpoch;

    public void OnRunStarted(int startEpoch, int epochs, int stepsPerEpoch)
    {
        _stepsPerEpoch = stepsPerEpoch;
        _startEpoch = startEpoch;
        _task = context.AddTask("training", maxValue: (double)(epochs - startEpoch) * stepsPerEpoch);
        AnsiConsole.MarkupLineInterpolated($"[grey]{epochs - startEpoch} epochs × {stepsPerEpoch} steps[/]");
    }

    public void OnStep(int epoch, int step, int stepsPerEpoch, double loss, double lr)
    {
        if (_task is null) return;
        _task.Value = (double)(epoch - _startEpoch) * _stepsPerEpoch + step + 1;
        _task.Description = ProgressLayout.Fit(
        [
            string.Create(CultureInfo.InvariantCulture, $"epoch {epoch + 1} step {step + 1}/{stepsPerEpoch}"),
            string.Create(CultureInfo.InvariantCulture, $"loss {loss:0.0000}"),
            string.Create(CultureInfo.InvariantCulture, $"lr {lr:0.00e+0}"),
        ], ProgressLayout.DescriptionWidth(AnsiConsole.Profile.Width));
    }

    public void OnValidation(int epoch)
    {
        if (_task is not null)
            _task.Description = ProgressLayout.Fit([$"epoch {epoch + 1}", "validating"], ProgressLayout.DescriptionWidth(AnsiConsole.Profile.Width));
    }

    public void OnEpochCompleted(EpochMetrics metrics, IReadOnlyList<string> improved)
    {
        string train = string.Join(" ", metrics.TrainAverages.Where(kv => kv.Key != "lr")
            .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:0.0000}")));
        string marks = improved.Count == 0 ? "" : " [green]★ " + string.Join(", ", improved) + "[/]";
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"epoch {metrics.Epoch + 1,3}  {Markup.Escape(train)}  valid_loss {metrics.ValidLoss:0.0000}  MeanIoU {metrics.MeanIou:0.0000}  mIoU_pooled {metrics.PooledMeanIou:0.0000}  [grey]{metrics.Duration.TotalSeconds:0}s[/]{marks}"));
    }

    public void OnMessage(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]");
}
