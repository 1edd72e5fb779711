namespace SemiSegEcg.Transforms;

/// <summary>The waveform of an additive noise op.</summary>
public enum NoiseShape
{
    /// <summary><c>amplitude · N(0, 1)</c> per sample.</summary>
    White,

    /// <summary><c>amplitude · sin(2π·(n/T)/freq)</c>: a period of <c>freq·T</c> samples.</summary>
    Sine,

    /// <summary>scipy <c>square</c> (50 % duty) of the same argument as <see cref="Sine"/>.</summary>
    Square,
}
