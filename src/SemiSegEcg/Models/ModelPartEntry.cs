namespace SemiSegEcg.Models;

/// <summary>
/// What a catalog knows of a model part (<see cref="Backbones.BackboneEntry"/>, <see cref="Heads.HeadEntry"/>): its
/// config name, its title, the options record its config arguments bind to, and how to build it from that record.
/// </summary>
/// <typeparam name="TPart">The part built: a backbone or a decode head.</typeparam>
public abstract class ModelPartEntry<TPart>
{
    private readonly Func<object, TPart> _create;

    private protected ModelPartEntry(string name, string title, Type optionsType, Func<object, TPart> create)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(title);
        Name = name;
        Title = title;
        OptionsType = optionsType;
        _create = create;
    }

    /// <summary>The key of the config block (<c>resnet18</c> under <c>backbone:</c>, <c>UNetHead</c> under <c>decode_head:</c>).</summary>
    public string Name { get; }

    /// <summary>Name in tables and messages (<c>ResNet-18</c>).</summary>
    public string Title { get; }

    /// <summary>The record the block's arguments bind to (snake_case keys, strict).</summary>
    public Type OptionsType { get; }

    /// <summary>
    /// Builds the part with fresh weights from <paramref name="options"/>, which must be of <see cref="OptionsType"/>
    /// (otherwise an <see cref="ArgumentException"/> naming both); the options record checks its own ranges.
    /// </summary>
    public TPart Create(object options) => _create(options);

    public override string ToString() => Name;

    /// <summary>The factory of a part whose options are <typeparamref name="TOptions"/>, refusing a record of another type.</summary>
    /// <param name="section">The config block, for the message: <c>backbone</c> or <c>decode_head</c>.</param>
    private protected static Func<object, TPart> Typed<TOptions>(string section, string name, Func<TOptions, TPart> create)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(create);
        return options => create(options as TOptions ?? throw ModelPartErrors.WrongOptions(section, name, typeof(TOptions), options));
    }
}
