using SemiSegEcg.Config;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// A shipped base config as one self-contained YAML text (its <c>_base_</c> pieces merged in), for tests that edit a
/// config's text or write it somewhere else: the shipped file itself only lists pieces relative to its own folder.
/// </summary>
public static class FlatShippedConfig
{
    public static string Text(string model, string algorithm)
    {
        var loaded = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", model, $"{algorithm}.yaml"));
        var withoutLoadedFrom = loaded.Node.Entries.Where(e => e.Key is not ("config_path" or "override_config_path"));
        return ConfigWriter.ToYaml(new ConfigMapping(withoutLoadedFrom, loaded.Node.Source));
    }
}
