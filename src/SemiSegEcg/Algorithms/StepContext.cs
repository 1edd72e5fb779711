namespace SemiSegEcg.Algorithms;

/// <summary>Where training stands when a step runs.</summary>
public sealed record StepContext(int Epoch, int Step, int StepsPerEpoch, long GlobalStep)
{
    public double FractionalEpoch => Epoch + (double)Step / StepsPerEpoch;
}
