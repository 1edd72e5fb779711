using SemiSegEcg.Randomness;

namespace SemiSegEcg.Synthetic;

/// <summary>
/// Adds the non-cardiac parts of a recording: baseline wander (one to three 0.05–0.5 Hz sinusoids shared in
/// frequency by all leads plus a per-lead slow random walk), powerline interference (50 or 60 Hz) and broadband
/// noise (white plus bursts of high-passed "muscle" noise) scaled to an exact SNR. Parameters of the record come
/// from one stream and every lead's noise from its own, so the lead count does not change the other leads' noise.
/// </summary>
internal static class NoiseSynthesizer
{
    private const double MuscleHighPassHz = 20;
    private const double RandomWalkKnotHz = 50;

    /// <returns>The record's broadband-noise SNR in dB.</returns>
    public static double Add(double[][] clean, double[][] noisy, SyntheticEcgOptions options, long seed, long streamKey)
    {
        var random = SeededRandom.Derive(seed, streamKey);
        double fs = options.SamplingRateHz;
        int length = clean[0].Length;
        double snrDb = options.MinSnrDb == options.MaxSnrDb ? options.MinSnrDb : random.Uniform(options.MinSnrDb, options.MaxSnrDb);
        double muscleShare = random.Uniform(0, 0.6);
        double burstHz = random.Uniform(0.1, 0.5), burstPhase = random.Uniform(0, 2 * Math.PI);
        double powerlineHz = random.NextDouble() < 0.5 ? 50 : 60;
        var wanderHz = new double[random.NextInt(1, 4)];
        for (int i = 0; i < wanderHz.Length; i++) wanderHz[i] = random.Uniform(0.05, 0.5);

        // Sin/cos tables once per record; each lead mixes them with its own amplitude and phase.
        var wanderTables = options.BaselineWander ? wanderHz.Select(f => SinCos(f, fs, length)).ToArray() : [];
        var powerlineTable = options.PowerlineInterference ? SinCos(powerlineHz, fs, length) : default;

        double targetNoisePower = double.IsPositiveInfinity(snrDb) ? 0 : MeanSquare(clean) / Math.Pow(10, snrDb / 10);
        // Muscle activity swells in all leads together, so the burst envelope is shared.
        var burst = targetNoisePower > 0 ? BurstEnvelope(length, fs, burstHz, burstPhase) : [];
        var broadband = new double[length];
        for (int lead = 0; lead < clean.Length; lead++)
        {
            var leadRandom = SeededRandom.Derive(seed, streamKey, lead + 1);
            var output = noisy[lead];
            clean[lead].CopyTo(output, 0);
            foreach (var (sin, cos) in wanderTables)
                AddSinusoid(output, sin, cos, leadRandom.Uniform(0.02, 0.12), leadRandom.Uniform(0, 2 * Math.PI));
            if (options.BaselineWander) AddRandomWalk(output, fs, leadRandom);
            if (options.PowerlineInterference)
                AddSinusoid(output, powerlineTable.Sin, powerlineTable.Cos, leadRandom.Uniform(0.003, 0.02), leadRandom.Uniform(0, 2 * Math.PI));
            if (targetNoisePower > 0)
            {
                FillBroadband(broadband, fs, muscleShare, burst, leadRandom);
                double scale = Math.Sqrt(targetNoisePower / MeanSquare(broadband));
                for (int n = 0; n < length; n++) output[n] += scale * broadband[n];
            }
        }
        return snrDb;
    }

    private static (double[] Sin, double[] Cos) SinCos(double frequencyHz, double fs, int length)
    {
        var sin = new double[length];
        var cos = new double[length];
        double w = 2 * Math.PI * frequencyHz / fs;
        for (int n = 0; n < length; n++)
            (sin[n], cos[n]) = Math.SinCos(w * n);
        return (sin, cos);
    }

    private static double[] BurstEnvelope(int length, double fs, double burstHz, double phase)
    {
        var envelope = new double[length];
        for (int n = 0; n < length; n++) envelope[n] = 0.3 + 1.4 * Math.Abs(Math.Sin(Math.PI * burstHz * n / fs + phase));
        return envelope;
    }

    private static void AddSinusoid(double[] output, double[] sin, double[] cos, double amplitude, double phase)
    {
        double a = amplitude * Math.Cos(phase), b = amplitude * Math.Sin(phase);
        for (int n = 0; n < output.Length; n++) output[n] += a * sin[n] + b * cos[n];
    }

    /// <summary>
    /// A mean-reverting (AR(1)) random walk with a 1–4 s time constant, drawn at 50 Hz knots and linearly
    /// interpolated: the drift is slow anyway, and it costs one Gaussian per knot instead of per sample.
    /// </summary>
    private static void AddRandomWalk(double[] output, double fs, SeededRandom random)
    {
        double stationarySdMv = random.Uniform(0.01, 0.05);
        double rho = Math.Exp(-1 / (random.Uniform(1, 4) * RandomWalkKnotHz));
        double step = stationarySdMv * Math.Sqrt(1 - rho * rho);
        int knots = (int)Math.Ceiling(output.Length / fs * RandomWalkKnotHz) + 2;
        double current = stationarySdMv * random.NextGaussian();
        double next = rho * current + step * random.NextGaussian();
        int knot = 0;
        for (int n = 0; n < output.Length; n++)
        {
            double position = n / fs * RandomWalkKnotHz;
            while (knot + 1 <= position && knot + 1 < knots)
            {
                knot++;
                current = next;
                next = rho * current + step * random.NextGaussian();
            }
            output[n] += current + (next - current) * (position - knot);
        }
    }

    /// <summary>E[(0.3 + 1.4·|sin|)²] = 0.09 + 0.84·2/π + 1.96/2.</summary>
    private const double BurstEnvelopeMeanSquare = 0.09 + 0.84 * 2 / Math.PI + 0.98;

    /// <summary>
    /// White noise plus its own high-passed version with an amplitude that swells and fades (muscle bursts). Reusing
    /// the one white sequence halves the Gaussian draws, the main cost of the generator.
    /// </summary>
    private static void FillBroadband(double[] output, double fs, double muscleShare, double[] burst, SeededRandom random)
    {
        double rc = 1 / (2 * Math.PI * MuscleHighPassHz);
        double alpha = rc / (rc + 1 / fs);
        double whiteWeight = Math.Sqrt(1 - muscleShare);
        // Divide out the high-pass's white-noise power gain 2α²/(1+α) and the envelope's mean square (≈ 1.6) so that
        // muscleShare is roughly the muscle part of the power; the total is scaled exactly afterwards anyway.
        double muscleWeight = Math.Sqrt(muscleShare / (2 * alpha * alpha / (1 + alpha) * BurstEnvelopeMeanSquare));
        double previousInput = 0, filtered = 0;
        for (int n = 0; n < output.Length; n++)
        {
            double input = random.NextGaussian();
            filtered = alpha * (filtered + input - previousInput);
            previousInput = input;
            output[n] = whiteWeight * input + muscleWeight * burst[n] * filtered;
        }
    }

    private static double MeanSquare(double[] values)
    {
        double sum = 0;
        foreach (double v in values) sum += v * v;
        return sum / values.Length;
    }

    private static double MeanSquare(double[][] leads)
    {
        double sum = 0;
        long count = 0;
        foreach (var lead in leads)
        {
            foreach (double v in lead) sum += v * v;
            count += lead.Length;
        }
        return sum / count;
    }
}
