using SemiSegEcg.Config;

namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>
/// A report name for the runs of a method that one of its switches makes a method of its own in the comparison (the
/// step-matched supervised baseline, ST++ with the original's selection). Same config file, same <c>algorithm:</c>.
/// </summary>
/// <param name="Name">Report name, e.g. <c>scratch_step_matched</c>.</param>
/// <param name="Title">Name in tables and plots.</param>
/// <param name="Applies">Whether a run with these options and trainer settings is this variant.</param>
public sealed record ReportVariant<TOptions>(string Name, string Title, Func<TOptions, TrainConfig, bool> Applies)
    where TOptions : IMethodOptions;
