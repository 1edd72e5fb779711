namespace SemiSegEcg.Config;

/// <summary>
/// A type with its own YAML shape (e.g. the one-key mapping <c>{resnet18: {...}}</c> of <see cref="NamedComponent"/>).
/// <see cref="ConfigBinder"/> calls <see cref="FromConfig"/> instead of binding properties by key.
/// </summary>
public interface IConfigConvertible<TSelf> where TSelf : IConfigConvertible<TSelf>
{
    /// <summary>Builds the value from <paramref name="node"/> (never a YAML null); throws <see cref="ConfigException"/> on bad input.</summary>
    static abstract TSelf FromConfig(ConfigNode node, string keyPath);
}
