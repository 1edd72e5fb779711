namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// What the rest of the program knows of a backbone: its <c>backbone:</c> name, its title, the options record its
/// config arguments bind to, whether the benchmark ships configs for it, and how to build it. Each backbone declares
/// its entry beside its implementation (<c>VisionTransformer1d.Entry</c>, a <see cref="BackboneEntry{TOptions}"/>);
/// <see cref="BackboneCatalog.All"/> lists them.
/// </summary>
public abstract class BackboneEntry
{
    private protected BackboneEntry(string name, string title, Type optionsType)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(title);
        Name = name;
        Title = title;
        OptionsType = optionsType;
    }

    /// <summary>The key of the <c>backbone:</c> block (<c>resnet18</c>), also the model folder's stem in <c>configs/base</c>.</summary>
    public string Name { get; }

    /// <summary>Name in tables and messages (<c>ResNet-18</c>).</summary>
    public string Title { get; }

    /// <summary>The record the block's arguments bind to (<see cref="ConfigBinder"/> rules: snake_case keys, strict).</summary>
    public Type OptionsType { get; }

    /// <summary>
    /// Whether <c>configs/base</c> holds a model folder per head for it (<see cref="ShippedModels"/>); a backbone the
    /// benchmark does not train (<c>resnet34</c>) is still built from a config that names it.
    /// </summary>
    public bool Shipped { get; init; } = true;

    /// <summary>
    /// Builds the backbone with fresh weights from <paramref name="options"/>, which must be of <see cref="OptionsType"/>;
    /// the options record checks its own ranges (an <see cref="ArgumentException"/> naming the option).
    /// </summary>
    public abstract BackboneBase Create(object options);

    public override string ToString() => Name;
}
