using System.Globalization;
using SemiSegEcg.Algorithms.Catalog;

namespace SemiSegEcg.Config;

/// <summary>
/// Loads an experiment the way the original does: base YAML, optional override merged over it (mergedeep),
/// then command-line options; binds <see cref="ExperimentConfig"/> strictly and validates it.
/// </summary>
/// <remarks>
/// Layering, last wins: base file (after the files its <c>_base_</c> lists, see <see cref="ConfigInheritance"/>) →
/// override file (likewise) → <c>config_path</c>/<c>override_config_path</c> (stored as given) →
/// named options (<c>--output_dir</c>, <c>--exp_name</c>, <c>--resume</c>, <c>--start_epoch</c> if ≠ 0, <c>--seed</c>,
/// <c>--device</c>, <c>--data_root</c>, <c>--model_path</c> → <c>test.model_path</c>) → <c>--set key.path=value</c> in order.
/// </remarks>
public static class ConfigLoader
{
    public static LoadedConfig Load(string basePath, string? overridePath = null) => Load(basePath, overridePath, CliOverrides.None);

    public static LoadedConfig Load(string basePath, string? overridePath, CliOverrides cli)
    {
        ArgumentNullException.ThrowIfNull(basePath);
        ArgumentNullException.ThrowIfNull(cli);
        ConfigMapping baseNode = ConfigInheritance.ReadFile(basePath);
        ConfigMapping? overrideNode = overridePath is null ? null : ConfigInheritance.ReadFile(overridePath);

        var source = ConfigSource.Code("config loader");
        var paths = new ConfigMapping(
        [
            new ConfigEntry("config_path", ConfigScalar.String(basePath, source), source),
            new ConfigEntry("override_config_path", overridePath is null ? ConfigScalar.Null(source) : ConfigScalar.String(overridePath, source), source),
        ], source);
        ConfigMapping merged = overrideNode is null ? baseNode : ConfigMerger.Merge(baseNode, overrideNode);
        return FromNode(ApplyCli(ConfigMerger.Merge(merged, paths), cli));
    }

    /// <summary>Binds and validates an already merged tree (e.g. the config saved in a run folder or checkpoint).</summary>
    public static LoadedConfig FromNode(ConfigNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is not ConfigMapping mapping)
        {
            throw ConfigException.At(node, "", $"the top level must be a mapping of keys, got {node.Describe()}");
        }
        // `train` holds the trainer's keys and the selected method's own keys, which bind into that method's options
        // record. Only the method catalog knows every method's options type, so it binds the method's part and hands back
        // the rest for TrainConfig: this call is the one place where configuration depends on the methods.
        var (method, rest) = MethodCatalog.Bind(mapping);
        var config = ConfigBinder.Bind<ExperimentConfig>(rest, "");
        if (method is not null) config = config with { Algorithm = method };
        ExperimentConfigValidator.Validate(config, mapping);
        return new LoadedConfig(config, mapping);
    }

    /// <summary>Applies the named command-line options and then the <c>--set</c> assignments.</summary>
    public static ConfigMapping ApplyCli(ConfigMapping node, CliOverrides cli)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(cli);
        var entries = new List<ConfigEntry>();
        void AddText(string key, string option, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var source = ConfigSource.Code($"{option} {value}");
            entries.Add(new ConfigEntry(key, ConfigScalar.String(value, source), source));
        }
        void AddPlain(string key, string option, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var source = ConfigSource.Code($"{option} {value}");
            entries.Add(new ConfigEntry(key, ConfigScalar.Plain(value, source), source));
        }

        AddText("output_dir", "--output_dir", cli.OutputDir);
        AddText("exp_name", "--exp_name", cli.ExpName);
        AddText("resume", "--resume", cli.Resume);
        if (cli.StartEpoch is { } startEpoch and not 0) AddPlain("start_epoch", "--start_epoch", startEpoch.ToString(CultureInfo.InvariantCulture));
        if (cli.Seed is { } seed) AddPlain("seed", "--seed", seed.ToString(CultureInfo.InvariantCulture));
        AddPlain("device", "--device", cli.Device);
        AddText("data_root", "--data_root", cli.DataRoot);
        if (!string.IsNullOrEmpty(cli.ModelPath))
        {
            var source = ConfigSource.Code($"--model_path {cli.ModelPath}");
            entries.Add(new ConfigEntry("test", new ConfigMapping(
                [new ConfigEntry("model_path", ConfigScalar.String(cli.ModelPath, source), source)], source), source));
        }

        ConfigMapping result = entries.Count == 0 ? node : ConfigMerger.Merge(node, new ConfigMapping(entries, ConfigSource.Code("command line")));
        foreach (string assignment in cli.Set) result = ConfigMerger.Merge(result, ParseAssignment(assignment));
        return result;
    }

    /// <summary>Parses <c>key.path=value</c> (value in YAML; empty = null) into the mapping <c>{key: {path: value}}</c>.</summary>
    public static ConfigMapping ParseAssignment(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        string sourceName = $"--set {assignment}";
        int equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ConfigException($"{sourceName}: expected key.path=value (e.g. --set train.epochs=3)");
        }
        string keyPath = assignment[..equals].Trim();
        ConfigNode value = ConfigReader.Parse(assignment[(equals + 1)..], sourceName);
        return ConfigMerger.PathMapping(keyPath, value);
    }
}
