using System.Globalization;

namespace SemiSegEcg.Config;

/// <summary>
/// The one meaning of <c>--epochs N</c> on every command (train, test, sweep, demo): <c>train.epochs = N</c> and a
/// warm-up scaled with it, <c>train.warmup_epochs = max(1, round(N / 10))</c> — the shipped configs warm up for 10 of
/// 100 epochs, and a warm-up as long as the whole run would be refused.
/// </summary>
public static class EpochBudget
{
    public static int WarmupEpochs(int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        return Math.Max(1, (int)Math.Round(epochs / 10.0, MidpointRounding.AwayFromZero));
    }

    /// <summary>The <c>--set</c> assignments for a budget of <paramref name="epochs"/>; none when it is null.</summary>
    public static IReadOnlyList<string> Assignments(int? epochs) => epochs is int n
        ?
        [
            string.Create(CultureInfo.InvariantCulture, $"train.epochs={n}"),
            string.Create(CultureInfo.InvariantCulture, $"train.warmup_epochs={WarmupEpochs(n)}"),
        ]
        : [];
}
