namespace SemiSegEcg.Config;

/// <summary>
/// The YAML spelling of a property or enum member when the snake_case of its C# name is not it
/// (<c>[ConfigKey("adamw")] AdamW</c>, <c>[ConfigKey("FCNHead")]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class ConfigKeyAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
