namespace SemiSegEcg.Models.Heads;

/// <summary>A decode head's catalog entry, typed by its options record.</summary>
public sealed class HeadEntry<TOptions>(string name, string title, Func<TOptions, DecodeHeadBase> create)
    : HeadEntry(name, title, typeof(TOptions))
    where TOptions : class
{
    private readonly Func<TOptions, DecodeHeadBase> _create = create ?? throw new ArgumentNullException(nameof(create));

    public override DecodeHeadBase Create(object options) =>
        _create(options as TOptions ?? throw ModelPartErrors.WrongOptions("decode_head", Name, typeof(TOptions), options));
}
