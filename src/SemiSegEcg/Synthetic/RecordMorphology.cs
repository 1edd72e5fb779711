using SemiSegEcg.Randomness;

namespace SemiSegEcg.Synthetic;

/// <summary>
/// The per-record ("patient") constants: heart-vector direction and size of every wave, the shape fractions inside
/// the QRS, and the base intervals that each beat jitters around. Directions follow the usual vectorcardiogram:
/// septal Q rightward-anterior, main R along the QRS axis and slightly posterior, terminal S superior-posterior,
/// T roughly concordant with the QRS, P inferior-left.
/// </summary>
internal sealed record RecordMorphology
{
    public required CardiacVector P { get; init; }
    public required CardiacVector Q { get; init; }
    public required CardiacVector R { get; init; }
    public required CardiacVector S { get; init; }
    public required CardiacVector T { get; init; }
    public required CardiacVector? U { get; init; }
    public required CardiacVector PrematureMain { get; init; }
    public required CardiacVector PrematureSecond { get; init; }
    public required CardiacVector PrematureT { get; init; }

    /// <summary>R peak position inside the QRS, as a fraction of its duration.</summary>
    public required double RPeakFraction { get; init; }

    /// <summary>Above-threshold widths of Q, R and S as fractions of the QRS duration.</summary>
    public required double QWidthFraction { get; init; }
    public required double RWidthFraction { get; init; }
    public required double SWidthFraction { get; init; }

    /// <summary>Rise over fall width of the T half-Gaussians (T rises more slowly than it falls).</summary>
    public required double TAsymmetry { get; init; }

    /// <summary>T duration at 60 bpm; scaled by √RR like the QT.</summary>
    public required double TDurationAt60BpmS { get; init; }

    public required double PrBaseS { get; init; }
    public required double QrsBaseS { get; init; }
    public required double PDurationBaseS { get; init; }
    public required double QtcBaseS { get; init; }

    public required double PrematureQrsS { get; init; }
    public required double PrematurePeakFraction { get; init; }
    public required double PrematureStS { get; init; }
    public required double PrematureTDurationS { get; init; }
    public required double PrematureTAsymmetry { get; init; }

    public const double UWaveProbability = 0.4;

    public static RecordMorphology Draw(SeededRandom random)
    {
        double qrsAxis = random.Uniform(-20, 80);
        double rSize = random.Uniform(0.7, 1.4);
        var r = CardiacVector.FromAngles(qrsAxis, random.Uniform(-30, -5), rSize);
        var q = CardiacVector.FromAngles(random.Uniform(150, 210), random.Uniform(20, 50), rSize * random.Uniform(0.08, 0.2));
        var s = CardiacVector.FromAngles(random.Uniform(-160, -100), random.Uniform(-40, -10), rSize * random.Uniform(0.2, 0.45));
        var p = CardiacVector.FromAngles(random.Uniform(30, 75), random.Uniform(-10, 20), random.Uniform(0.1, 0.25));
        double tFrontal = qrsAxis + random.Uniform(-30, 30);
        var t = CardiacVector.FromAngles(tFrontal, random.Uniform(5, 35), random.Uniform(0.2, 0.55));
        CardiacVector? u = random.NextDouble() < UWaveProbability
            ? CardiacVector.FromAngles(tFrontal, random.Uniform(5, 35), random.Uniform(0.02, 0.06))
            : null;

        double pvcFrontal = random.Uniform(-180, 180), pvcAnterior = random.Uniform(-50, 50), pvcSize = random.Uniform(1.2, 2.2);
        var pvcMain = CardiacVector.FromAngles(pvcFrontal, pvcAnterior, pvcSize);
        var pvcSecond = CardiacVector.FromAngles(pvcFrontal + 180 + random.Uniform(-40, 40), -pvcAnterior, pvcSize * random.Uniform(0.2, 0.45));
        var pvcT = CardiacVector.FromAngles(pvcFrontal + 180 + random.Uniform(-25, 25), -pvcAnterior * random.Uniform(0.5, 1), random.Uniform(0.3, 0.7));

        return new RecordMorphology
        {
            P = p, Q = q, R = r, S = s, T = t, U = u,
            PrematureMain = pvcMain, PrematureSecond = pvcSecond, PrematureT = pvcT,
            RPeakFraction = random.Uniform(0.42, 0.52),
            QWidthFraction = random.Uniform(0.22, 0.32),
            RWidthFraction = random.Uniform(0.45, 0.6),
            SWidthFraction = random.Uniform(0.28, 0.38),
            TAsymmetry = random.Uniform(1.3, 2.0),
            TDurationAt60BpmS = random.Uniform(0.16, 0.24),
            PrBaseS = random.Uniform(0.13, 0.19),
            QrsBaseS = random.Uniform(0.075, 0.105),
            PDurationBaseS = random.Uniform(0.085, 0.115),
            QtcBaseS = random.Uniform(0.385, 0.455),
            PrematureQrsS = random.Uniform(0.12, 0.16),
            PrematurePeakFraction = random.Uniform(0.3, 0.45),
            PrematureStS = random.Uniform(0.03, 0.06),
            PrematureTDurationS = random.Uniform(0.16, 0.24),
            PrematureTAsymmetry = random.Uniform(1.2, 1.8),
        };
    }
}
