namespace SemiSegEcg.Config;

/// <summary>The training algorithm (<c>algorithm:</c> key). This enum is the one place where config spellings map to algorithms.</summary>
public enum AlgorithmKind
{
    /// <summary>Supervised baseline (the original's "scratch" configs).</summary>
    Base,
    MeanTeacher,
    [ConfigKey("fixmatch")] FixMatch,
    Cps,
    [ConfigKey("reco")] ReCo,
    /// <summary>ST++ (three stages).</summary>
    Stpp,
    [ConfigKey("unimatch")] UniMatch,
}
