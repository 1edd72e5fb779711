namespace SemiSegEcg.Synthetic;

public enum SyntheticBeatType
{
    /// <summary>Sinus beat: P, narrow QRS, concordant T.</summary>
    Normal,

    /// <summary>Premature ventricular beat: no P, wide QRS, T discordant to the QRS.</summary>
    Premature,

    /// <summary>Beat of an AF-like record: narrow QRS and T but no P (fibrillatory baseline instead).</summary>
    NoP,
}
