namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// A backbone as <see cref="BackboneCatalog"/> knows it. Each backbone declares its entry beside its implementation
/// (<c>VisionTransformer1d.Entry</c>), built by <see cref="Of{TOptions}"/> so the factory receives its own options record.
/// </summary>
public sealed class BackboneEntry : ModelPartEntry<BackboneBase>
{
    /// <summary>The config block a backbone is chosen in.</summary>
    public const string Section = "backbone";

    private BackboneEntry(string name, string title, Type optionsType, Func<object, BackboneBase> create, bool shipped)
        : base(name, title, optionsType, create) => Shipped = shipped;

    /// <summary>
    /// Whether <c>configs/base</c> holds a model folder per head for it (<see cref="ShippedModels"/>); a backbone the
    /// benchmark does not train (<c>resnet34</c>) is still built from a config that names it.
    /// </summary>
    public bool Shipped { get; }

    /// <param name="create">Builds the backbone from its bound options (its constructor validates them).</param>
    public static BackboneEntry Of<TOptions>(string name, string title, Func<TOptions, BackboneBase> create, bool shipped = true)
        where TOptions : class =>
        new(name, title, typeof(TOptions), Typed(Section, name, create), shipped);
}
