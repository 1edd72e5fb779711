namespace SemiSegEcg.Training;

/// <summary>
/// The original's learning-rate schedule, set before every iteration from the fractional epoch
/// e = epoch + iteration / steps_per_epoch: linear warm-up lr·e/warmup, then half-cosine from lr down to min_lr.
/// The first iteration therefore runs with lr = 0.
/// </summary>
public sealed record CosineWarmupSchedule(double BaseLr, double MinLr, double WarmupEpochs, double Epochs)
{
    public double At(double fractionalEpoch)
    {
        if (fractionalEpoch < WarmupEpochs) return BaseLr * fractionalEpoch / WarmupEpochs;
        double progress = (fractionalEpoch - WarmupEpochs) / (Epochs - WarmupEpochs);
        return MinLr + (BaseLr - MinLr) * 0.5 * (1.0 + Math.Cos(Math.PI * progress));
    }

    public double At(int epoch, int iteration, int stepsPerEpoch) => At(epoch + (double)iteration / stepsPerEpoch);
}
