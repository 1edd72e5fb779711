namespace SemiSegEcg.Models.Heads;

/// <summary>
/// A decode head as <see cref="HeadCatalog"/> knows it. Each head declares its entry beside its implementation
/// (<c>UNetHead.Entry</c>), built by <see cref="Of{TOptions}"/> so the factory receives its own options record.
/// </summary>
public sealed class HeadEntry : ModelPartEntry<DecodeHeadBase>
{
    /// <summary>The config block a head is chosen in.</summary>
    public const string Section = "decode_head";

    private HeadEntry(string name, string title, Type optionsType, Func<object, DecodeHeadBase> create, string folderSuffix, string reportSuffix)
        : base(name, title, optionsType, create)
    {
        FolderSuffix = folderSuffix;
        ReportSuffix = reportSuffix;
    }

    /// <summary>
    /// What a shipped model folder adds to the backbone's name (<c>resnet18_unet</c>); empty for the original's head,
    /// whose folders are the bare backbone names.
    /// </summary>
    public string FolderSuffix { get; }

    /// <summary>
    /// What the report adds to the backbone's name for a run with this head (<c>resnet18+UNet</c>); empty for the
    /// original's head, so the original's rows keep the bare backbone names.
    /// </summary>
    public string ReportSuffix { get; }

    /// <param name="create">Builds the head from its bound options (its constructor validates them).</param>
    public static HeadEntry Of<TOptions>(string name, string title, Func<TOptions, DecodeHeadBase> create,
        string folderSuffix = "", string reportSuffix = "")
        where TOptions : class =>
        new(name, title, typeof(TOptions), Typed(Section, name, create), folderSuffix, reportSuffix);
}
