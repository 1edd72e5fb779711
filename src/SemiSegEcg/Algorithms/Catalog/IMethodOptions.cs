using SemiSegEcg.Config;

namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>
/// A method's own <c>train</c> keys, as a record <see cref="ConfigBinder"/> binds: a public parameterless constructor,
/// one init property per key, the shipped values as defaults. Nested in its method (<c>FixMatch.Options</c>).
/// </summary>
public interface IMethodOptions
{
    /// <summary>
    /// The ranges of the keys, written once, here. The loader runs it with <paramref name="check"/> scoped to
    /// <c>train</c>, so a bad value is reported with its file, line and key path; the methods' constructors trust
    /// their arguments (tests pass values outside these ranges on purpose, e.g. a threshold above 1).
    /// </summary>
    void Validate(ConfigChecks check);
}
