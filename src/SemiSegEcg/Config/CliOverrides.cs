namespace SemiSegEcg.Config;

/// <summary>
/// Command-line options applied on top of the merged YAML. Like the original, empty options are ignored and
/// <see cref="StartEpoch"/> is applied only when it is not 0. <see cref="Set"/> holds generic
/// <c>key.path=value</c> assignments (values are YAML: <c>train.epochs=3</c>, <c>train.optimizer_kwargs.betas=[0.9,0.99]</c>,
/// <c>dataset.test_csv=null</c>), applied last, in order.
/// </summary>
public sealed record CliOverrides
{
    public static CliOverrides None { get; } = new();

    public string? OutputDir { get; init; }

    public string? ExpName { get; init; }

    public string? Resume { get; init; }

    public int? StartEpoch { get; init; }

    public int? Seed { get; init; }

    /// <summary><c>cpu</c> or <c>cuda</c>.</summary>
    public string? Device { get; init; }

    /// <summary>Data root; a relative value is resolved against the current directory.</summary>
    public string? DataRoot { get; init; }

    /// <summary>Test/inference checkpoint (<c>--model_path</c>), stored as <c>test.model_path</c>.</summary>
    public string? ModelPath { get; init; }

    public IReadOnlyList<string> Set { get; init; } = [];
}
