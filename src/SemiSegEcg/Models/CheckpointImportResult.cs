namespace SemiSegEcg.Models;

/// <summary>What a state-dict import did.</summary>
/// <param name="LoadedKeys">Model keys whose tensors were overwritten from the source.</param>
/// <param name="MissingKeys">Model keys absent from the source (left as they were; empty after a strict import).</param>
/// <param name="UnexpectedKeys">Source keys the model does not have (ignored; empty after a strict import).</param>
/// <param name="DroppedKeys">Source keys skipped on purpose before matching (<c>auxiliary_head.*</c>).</param>
public sealed record CheckpointImportResult(
    IReadOnlyList<string> LoadedKeys,
    IReadOnlyList<string> MissingKeys,
    IReadOnlyList<string> UnexpectedKeys,
    IReadOnlyList<string> DroppedKeys);
