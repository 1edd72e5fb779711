namespace SemiSegEcg.Delineation;

/// <summary>
/// Settings of <see cref="AtrialActivityGate"/>. The defaults were chosen on LUDB's training and validation records
/// (not its test split): they remove most P waves found in atrial fibrillation, flutter and atrial pacing while
/// keeping the P waves of every sinus record there but two (docs/delineation.md gives the numbers).
/// </summary>
public sealed record AtrialActivityOptions
{
    /// <summary>Drop the P waves of recordings without consistent atrial activity (on by default for model output).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>A beat's P wave is coupled when its PR interval lies within this many ms of the lead's median PR.</summary>
    public double PrToleranceMs { get; init; } = 40;

    /// <summary>P waves are kept when the median over leads of the coupled-beat fraction reaches this value.</summary>
    public double MinCoupledFraction { get; init; } = 0.6;

    public void Validate()
    {
        if (!double.IsFinite(PrToleranceMs) || PrToleranceMs < 0)
            throw new ArgumentException($"{nameof(AtrialActivityOptions)}.{nameof(PrToleranceMs)} is {PrToleranceMs}, expected a non-negative number of ms");
        if (!double.IsFinite(MinCoupledFraction) || MinCoupledFraction is < 0 or > 1)
            throw new ArgumentException($"{nameof(AtrialActivityOptions)}.{nameof(MinCoupledFraction)} is {MinCoupledFraction}, expected a fraction in [0, 1]");
    }
}
