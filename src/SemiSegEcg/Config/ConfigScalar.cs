using System.Globalization;
using System.Text.RegularExpressions;

namespace SemiSegEcg.Config;

/// <summary>
/// A YAML scalar: its text exactly as parsed, its style and its explicit tag. Interpretation follows the YAML 1.2 core
/// schema: only untagged plain scalars resolve to null, booleans or numbers (<c>1e-4</c> is a number, <c>'1'</c> is
/// text). Unlike PyYAML (YAML 1.1), <c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c> are text, not booleans.
/// </summary>
public sealed partial class ConfigScalar : ConfigNode
{
    public const string NullTag = "tag:yaml.org,2002:null";
    public const string BoolTag = "tag:yaml.org,2002:bool";
    public const string IntTag = "tag:yaml.org,2002:int";
    public const string FloatTag = "tag:yaml.org,2002:float";
    public const string StrTag = "tag:yaml.org,2002:str";

    public ConfigScalar(string text, ConfigScalarStyle style, ConfigSource source, string? tag = null) : base(source)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Style = style;
        Tag = tag;
    }

    public static ConfigScalar Null(ConfigSource source) => new("null", ConfigScalarStyle.Plain, source);

    /// <summary>A plain scalar: interpreted like unquoted YAML (<c>3</c> is an integer, <c>null</c> is null).</summary>
    public static ConfigScalar Plain(string text, ConfigSource source) => new(text, ConfigScalarStyle.Plain, source);

    /// <summary>A string scalar: always text, whatever it looks like.</summary>
    public static ConfigScalar String(string text, ConfigSource source) => new(text, ConfigScalarStyle.Quoted, source);

    public override ConfigNodeKind Kind => ConfigNodeKind.Scalar;

    /// <summary>The text as parsed (quotes removed, escapes decoded).</summary>
    public string Text { get; }

    public ConfigScalarStyle Style { get; }

    /// <summary>Explicit tag in long form (<c>tag:yaml.org,2002:str</c>), or null when the scalar had none.</summary>
    public string? Tag { get; }

    internal bool IsNullValue => Tag == NullTag || (IsUntaggedPlain && NullPattern().IsMatch(Text));

    /// <summary>True when the scalar can only be a string: quoted, block style, or tagged <c>!!str</c>.</summary>
    public bool IsExplicitString => Tag == StrTag || (Tag is null && Style == ConfigScalarStyle.Quoted);

    private bool IsUntaggedPlain => Tag is null && Style == ConfigScalarStyle.Plain;

    public bool TryGetBoolean(out bool value)
    {
        value = false;
        if (!(IsUntaggedPlain || Tag == BoolTag)) return false;
        switch (Text)
        {
            case "true" or "True" or "TRUE": value = true; return true;
            case "false" or "False" or "FALSE": return true;
            default: return false;
        }
    }

    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (!(IsUntaggedPlain || Tag == IntTag)) return false;
        string t = Text;
        if (DecimalIntPattern().IsMatch(t)) return long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        if (t.StartsWith("0x", StringComparison.Ordinal) && t.Length > 2)
        {
            return long.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        if (t.StartsWith("0o", StringComparison.Ordinal) && t.Length > 2 && t.Skip(2).All(c => c is >= '0' and <= '7'))
        {
            try
            {
                value = Convert.ToInt64(t[2..], 8);
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        return false;
    }

    public bool TryGetDouble(out double value)
    {
        value = 0;
        if (!(IsUntaggedPlain || Tag == FloatTag || Tag == IntTag)) return false;
        if (TryGetInt64(out long integer))
        {
            value = integer;
            return true;
        }
        string t = Text;
        switch (t)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": value = double.PositiveInfinity; return true;
            case "-.inf" or "-.Inf" or "-.INF": value = double.NegativeInfinity; return true;
            case ".nan" or ".NaN" or ".NAN": value = double.NaN; return true;
        }
        return FloatPattern().IsMatch(t) && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public override bool ContentEquals(ConfigNode other)
    {
        if (other is not ConfigScalar s) return false;
        if (IsNullValue || s.IsNullValue) return IsNullValue && s.IsNullValue;
        return Text == s.Text && Style == s.Style && Tag == s.Tag;
    }

    [GeneratedRegex("^(|~|null|Null|NULL)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalIntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
