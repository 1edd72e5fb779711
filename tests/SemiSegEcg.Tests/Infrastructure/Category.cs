namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// The <c>Category</c> trait every test class carries (<c>TestSuiteConventionTests</c> fails on a class without one):
/// <list type="bullet">
/// <item><see cref="Unit"/>: one component on small built or bundled inputs.</item>
/// <item><see cref="Parity"/>: compared number for number with the original's outputs (<c>tests/Fixtures/reference</c>,
/// <c>pickles</c>, the ViT twin).</item>
/// <item><see cref="EndToEnd"/>: a whole run through <c>ExperimentRunner</c>, the trainer or a CLI command, from data
/// or a config to what it writes.</item>
/// </list>
/// Select with <c>dotnet test --filter Category=Unit</c> (or <c>Category!=EndToEnd</c>); <see cref="Speed"/> marks the slow classes.
/// </summary>
public static class Category
{
    public const string Trait = "Category";
    public const string Unit = "Unit";
    public const string Parity = "Parity";
    public const string EndToEnd = "EndToEnd";

    public static readonly IReadOnlyList<string> All = [Unit, Parity, EndToEnd];
}
