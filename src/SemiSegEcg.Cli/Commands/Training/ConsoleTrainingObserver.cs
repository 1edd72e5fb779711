using System.Globalization;
using SemiSegEcg.Training;
using Spectre.Console;

namespace SemiSegEcg.Cli.Commands.Training;

/// <summary>A live progress bar (loss, lr, ETA) and a one-line summary per epoch.</summary>
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
        _task.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch + 1} step {step + 1}/{stepsPerEpoch} loss {loss:0.0000} lr {lr:0.00e+0}");
    }

    public void OnValidation(int epoch)
    {
        if (_task is not null) _task.Description = $"epoch {epoch + 1} validating";
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
