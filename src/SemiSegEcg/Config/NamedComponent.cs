namespace SemiSegEcg.Config;

/// <summary>
/// A component chosen by name with keyword arguments, written as a one-key mapping: <c>backbone: {resnet18: {num_leads: 1}}</c>.
/// The arguments stay raw; the owner (model factory) binds them with <see cref="BindArgs{T}"/>. A bare name
/// (<c>backbone: resnet18</c>) or a null argument block means "no arguments".
/// </summary>
public sealed record NamedComponent(string Name, ConfigMapping Args) : IConfigConvertible<NamedComponent>
{
    /// <summary>Key path of the component (<c>backbone</c>), so argument errors read <c>backbone.resnet18.num_stages</c>.</summary>
    public string KeyPath { get; init; } = "";

    /// <summary>Key path of the arguments block: <c>backbone.resnet18</c>.</summary>
    public string ArgsKeyPath => ConfigNode.ChildPath(KeyPath, Name);

    public static NamedComponent FromConfig(ConfigNode node, string keyPath)
    {
        switch (node)
        {
            case ConfigScalar { IsNull: false } scalar:
                return new NamedComponent(scalar.Text, ConfigMapping.Empty(node.Source)) { KeyPath = keyPath };
            case ConfigMapping { Count: 1 } mapping:
                ConfigEntry entry = mapping.Entries[0];
                string argsPath = ConfigNode.ChildPath(keyPath, entry.Key);
                ConfigMapping args = entry.Value switch
                {
                    ConfigMapping m => m,
                    { IsNull: true } => ConfigMapping.Empty(entry.Value.Source),
                    _ => throw ConfigException.At(entry.Value, argsPath, $"expected a mapping of arguments for '{entry.Key}', got {entry.Value.Describe()}"),
                };
                return new NamedComponent(entry.Key, args) { KeyPath = keyPath };
            case ConfigMapping { Count: > 1 } mapping:
                // mergedeep merges an override's {vit_tiny: ...} into the base's {resnet18: ...} instead of replacing it.
                throw ConfigException.At(node, keyPath,
                    $"expected a one-key mapping {{name: {{arguments}}}}, got {node.Describe()} (an override merges into the base's "
                    + $"mapping, so choose '{mapping.Entries[0].Key}' or another component in the base config)");
            default:
                throw ConfigException.At(node, keyPath, $"expected a one-key mapping {{name: {{arguments}}}}, got {node.Describe()}");
        }
    }

    /// <summary>Binds the arguments onto <typeparamref name="T"/> (strict: unknown argument names are errors).</summary>
    public T BindArgs<T>() where T : notnull => ConfigBinder.Bind<T>(Args, ArgsKeyPath);
}
