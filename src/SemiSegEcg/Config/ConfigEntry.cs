namespace SemiSegEcg.Config;

/// <summary>One <c>key: value</c> pair of a <see cref="ConfigMapping"/>; <paramref name="KeySource"/> is where the key is written.</summary>
public sealed record ConfigEntry(string Key, ConfigNode Value, ConfigSource KeySource);
