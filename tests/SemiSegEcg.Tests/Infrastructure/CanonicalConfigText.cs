using System.Security.Cryptography;
using System.Text;
using SemiSegEcg.Config;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// A loaded configuration as text that depends only on what the experiment is: the merged tree without the paths of
/// the files it was loaded from, with every mapping's keys sorted. Key order carries no meaning to the binder, and
/// rearranging configs into shared pieces changes it, so two configs that train the same thing give the same text.
/// Scalars keep their spelling and null stays distinct from absent, so any other difference shows.
/// </summary>
public static class CanonicalConfigText
{
    private static readonly HashSet<string> LoadedFromKeys = ["config_path", "override_config_path"];

    public static string Of(LoadedConfig loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var withoutPaths = new ConfigMapping(loaded.Node.Entries.Where(e => !LoadedFromKeys.Contains(e.Key)), loaded.Node.Source);
        return ConfigWriter.ToYaml(Sorted(withoutPaths));
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static ConfigNode Sorted(ConfigNode node) => node switch
    {
        ConfigMapping m => new ConfigMapping(
            m.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e with { Value = Sorted(e.Value) }), m.Source),
        ConfigSequence s => new ConfigSequence(s.Items.Select(Sorted), s.Source),
        _ => node,
    };
}
