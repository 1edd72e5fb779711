namespace SemiSegEcg.Experiments.Sweep;

/// <summary>A child process to start: file, arguments (passed as a list, never re-parsed by a shell), extra environment.</summary>
public sealed record SweepProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string? WorkingDirectory = null);
