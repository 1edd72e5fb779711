using System.Text.RegularExpressions;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// The state-dict names <see cref="VisionTransformer1d"/> saved before it took the original's (timm style), and the
/// current name of each, so that files written under them keep loading (docs/models.md#vit-state-dict-names).
/// A legacy name may carry any prefix (<c>backbone.</c>, <c>module.backbone.</c>, none for a bare backbone).
/// </summary>
/// <remarks>
/// <c>cls_token</c> → <c>cls_embedding</c> (and (1, 1, E) → (E)); <c>pos_embed</c> → <c>pos_embedding</c>;
/// <c>patch_embed.{norm1,proj,norm2}</c> → <c>to_patch_embedding.{1,2,3}</c>; <c>blocks.{i}.norm1</c> →
/// <c>block{i}.attn.norm</c>; <c>blocks.{i}.attn.qkv</c> → <c>block{i}.attn.fn.to_qkv</c>; <c>blocks.{i}.attn.proj</c>
/// → <c>block{i}.attn.fn.to_out.0</c>; <c>blocks.{i}.norm2</c> → <c>block{i}.ff.norm</c>; <c>blocks.{i}.mlp.fc1</c> →
/// <c>block{i}.ff.fn.net.0</c>; <c>blocks.{i}.mlp.fc2</c> → <c>block{i}.ff.fn.net.3</c>; <c>norm</c> is unchanged.
/// </remarks>
public static class VitLegacyKeyNames
{
    private const string Prefix = @"^(?<prefix>(?:.+\.)?)";
    private const string Tensor = @"\.(?<tensor>weight|bias)$";
    private const string ClassTokenSuffix = "cls_embedding";

    private static readonly (Regex Legacy, string Current)[] Renames =
    [
        (Pattern("cls_token$"), "${prefix}" + ClassTokenSuffix),
        (Pattern("pos_embed$"), "${prefix}pos_embedding"),
        (Pattern("patch_embed\\.norm1" + Tensor), "${prefix}to_patch_embedding.1.${tensor}"),
        (Pattern("patch_embed\\.proj" + Tensor), "${prefix}to_patch_embedding.2.${tensor}"),
        (Pattern("patch_embed\\.norm2" + Tensor), "${prefix}to_patch_embedding.3.${tensor}"),
        (Pattern("blocks\\.(?<block>\\d+)\\.norm1" + Tensor), "${prefix}block${block}.attn.norm.${tensor}"),
        (Pattern("blocks\\.(?<block>\\d+)\\.attn\\.qkv" + Tensor), "${prefix}block${block}.attn.fn.to_qkv.${tensor}"),
        (Pattern("blocks\\.(?<block>\\d+)\\.attn\\.proj" + Tensor), "${prefix}block${block}.attn.fn.to_out.0.${tensor}"),
        (Pattern("blocks\\.(?<block>\\d+)\\.norm2" + Tensor), "${prefix}block${block}.ff.norm.${tensor}"),
        (Pattern("blocks\\.(?<block>\\d+)\\.mlp\\.fc1" + Tensor), "${prefix}block${block}.ff.fn.net.0.${tensor}"),
        (Pattern("blocks\\.(?<block>\\d+)\\.mlp\\.fc2" + Tensor), "${prefix}block${block}.ff.fn.net.3.${tensor}"),
    ];

    /// <summary>The current name of legacy name <paramref name="key"/>, or null when it is not one.</summary>
    public static string? CurrentName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var (legacy, current) in Renames)
        {
            if (legacy.IsMatch(key)) return legacy.Replace(key, current);
        }
        return null;
    }

    /// <summary>
    /// The shape a tensor saved under a legacy name takes under <paramref name="currentName"/>: the class token was
    /// (1, 1, E) and is (E); every other tensor keeps its shape.
    /// </summary>
    public static long[] CurrentShape(string currentName, long[] legacyShape)
    {
        ArgumentNullException.ThrowIfNull(currentName);
        ArgumentNullException.ThrowIfNull(legacyShape);
        bool classToken = currentName == ClassTokenSuffix || currentName.EndsWith("." + ClassTokenSuffix, StringComparison.Ordinal);
        return classToken && legacyShape is [1, 1, var width] ? [width] : legacyShape;
    }

    private static Regex Pattern(string legacy) => new(Prefix + legacy, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
}
