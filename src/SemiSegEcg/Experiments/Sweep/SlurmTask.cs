namespace SemiSegEcg.Experiments.Sweep;

/// <summary>One array task: a label for the script's comment and the <c>semiseg</c> arguments it runs.</summary>
public sealed record SlurmTask(string Label, IReadOnlyList<string> Arguments);
