using SemiSegEcg.Randomness;

namespace SemiSegEcg.Synthetic;

/// <summary>
/// The f-waves of an AF-like record: two 4–9 Hz oscillations with slowly wandering frequency and amplitude, along
/// two heart-vector directions (the first mostly towards V1 and the inferior leads, where f-waves are most visible).
/// They belong to the cardiac signal but are labelled background.
/// </summary>
internal static class FibrillatoryWaves
{
    public static void AddTo(double[][] leads, ReadOnlySpan<CardiacVector> axes, double samplingRateHz, SeededRandom random)
    {
        double amplitudeMv = random.Uniform(0.03, 0.12);
        var first = CardiacVector.FromAngles(random.Uniform(60, 120), random.Uniform(30, 60), 1);
        var second = CardiacVector.FromAngles(random.Uniform(-30, 30), random.Uniform(-20, 20), random.Uniform(0.3, 0.7));
        var a = new Oscillator(random.Uniform(4.5, 8), random);
        var b = new Oscillator(a.BaseHz * random.Uniform(0.85, 1.15), random);
        double envelopeHz = random.Uniform(0.1, 0.5), envelopeDepth = random.Uniform(0.2, 0.5), envelopePhase = random.Uniform(0, 2 * Math.PI);

        var gainsA = new double[leads.Length];
        var gainsB = new double[leads.Length];
        for (int lead = 0; lead < leads.Length; lead++)
        {
            gainsA[lead] = axes[lead].Dot(first);
            gainsB[lead] = axes[lead].Dot(second);
        }
        double dt = 1 / samplingRateHz;
        for (int n = 0; n < leads[0].Length; n++)
        {
            double t = n * dt;
            double envelope = amplitudeMv * (1 + envelopeDepth * Math.Sin(2 * Math.PI * envelopeHz * t + envelopePhase));
            double va = envelope * a.Next(t, dt), vb = envelope * b.Next(t, dt);
            for (int lead = 0; lead < leads.Length; lead++) leads[lead][n] += gainsA[lead] * va + gainsB[lead] * vb;
        }
    }

    /// <summary>A frequency-modulated oscillation with a second harmonic, which makes the f-waves saw-toothed.</summary>
    private sealed class Oscillator(double baseHz, SeededRandom random)
    {
        private readonly double _modulationHz = random.Uniform(0.05, 0.3);
        private readonly double _modulationDepth = random.Uniform(0.05, 0.15);
        private readonly double _modulationPhase = random.Uniform(0, 2 * Math.PI);
        private readonly double _harmonic = random.Uniform(0.15, 0.35);
        private readonly double _harmonicPhase = random.Uniform(0, 2 * Math.PI);
        private double _phase = random.Uniform(0, 2 * Math.PI);

        public double BaseHz => baseHz;

        public double Next(double timeS, double dtS)
        {
            double frequency = baseHz * (1 + _modulationDepth * Math.Sin(2 * Math.PI * _modulationHz * timeS + _modulationPhase));
            double value = Math.Sin(_phase) + _harmonic * Math.Sin(2 * _phase + _harmonicPhase);
            _phase += 2 * Math.PI * frequency * dtS;
            return value;
        }
    }
}
