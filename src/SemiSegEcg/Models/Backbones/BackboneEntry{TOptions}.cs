namespace SemiSegEcg.Models.Backbones;

/// <summary>A backbone's catalog entry, typed by its options record: the factory gets the bound record, not the config.</summary>
public sealed class BackboneEntry<TOptions>(string name, string title, Func<TOptions, BackboneBase> create)
    : BackboneEntry(name, title, typeof(TOptions))
    where TOptions : class
{
    private readonly Func<TOptions, BackboneBase> _create = create ?? throw new ArgumentNullException(nameof(create));

    public override BackboneBase Create(object options) =>
        _create(options as TOptions ?? throw ModelPartErrors.WrongOptions("backbone", Name, typeof(TOptions), options));
}
