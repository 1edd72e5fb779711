namespace SemiSegEcg.Config;

/// <summary>
/// An additional accepted spelling of a key, e.g. the original's typo <c>eash_conf_thresh</c> for <c>easy_conf_thresh</c>.
/// Setting both spellings in one mapping is an error.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class ConfigAliasAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
