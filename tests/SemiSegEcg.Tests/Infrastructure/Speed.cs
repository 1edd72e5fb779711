namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>
/// The <c>Speed</c> trait: classes that train, fuzz or run the CLI end to end (most of the suite's time) are
/// <see cref="Slow"/>, so <c>dotnet test SemiSegEcg.slnx -c Release --filter "Speed!=Slow"</c> is a quick check.
/// </summary>
public static class Speed
{
    public const string Trait = "Speed";
    public const string Slow = "Slow";
}
