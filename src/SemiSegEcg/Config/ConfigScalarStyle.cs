namespace SemiSegEcg.Config;

/// <summary>
/// How a scalar was written. Only plain scalars are resolved to null, booleans or numbers; quoted and block
/// scalars are always strings (YAML core schema), so <c>'3'</c> is the text 3, never the integer 3.
/// </summary>
public enum ConfigScalarStyle
{
    Plain,
    Quoted,
}
