namespace SemiSegEcg.Models.Heads;

/// <summary>
/// What the rest of the program knows of a decode head: its <c>decode_head:</c> name, its title, the options record its
/// config arguments bind to, the suffix of its model folders in <c>configs/base</c>, and how to build it. Each head
/// declares its entry beside its implementation (<c>UNetHead.Entry</c>, a <see cref="HeadEntry{TOptions}"/>);
/// <see cref="HeadCatalog.All"/> lists them.
/// </summary>
public abstract class HeadEntry
{
    private protected HeadEntry(string name, string title, Type optionsType)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(title);
        Name = name;
        Title = title;
        OptionsType = optionsType;
    }

    /// <summary>The key of the <c>decode_head:</c> block (<c>UNetHead</c>).</summary>
    public string Name { get; }

    /// <summary>Name in tables and messages (<c>U-Net</c>).</summary>
    public string Title { get; }

    /// <summary>
    /// What a shipped model folder adds to the backbone's name (<c>resnet18_unet</c>); empty for the original's head,
    /// whose folders are the bare backbone names.
    /// </summary>
    public string FolderSuffix { get; init; } = "";

    /// <summary>
    /// What the report adds to the backbone's name for a run with this head (<c>resnet18+UNet</c>); empty for the
    /// original's head, so the original's rows keep the bare backbone names.
    /// </summary>
    public string ReportSuffix { get; init; } = "";

    /// <summary>The record the block's arguments bind to.</summary>
    public Type OptionsType { get; }

    /// <summary>
    /// Builds the head with fresh weights from <paramref name="options"/>, which must be of <see cref="OptionsType"/>;
    /// the options record checks its own ranges (an <see cref="ArgumentException"/> naming the option).
    /// </summary>
    public abstract DecodeHeadBase Create(object options);

    public override string ToString() => Name;
}
