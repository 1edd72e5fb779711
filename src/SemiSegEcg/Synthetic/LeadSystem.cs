using SemiSegEcg.Randomness;

namespace SemiSegEcg.Synthetic;

/// <summary>
/// The lead axes of one record. Limb leads follow Einthoven and Goldberger exactly (III = II − I, aVR = −(I + II)/2,
/// aVL = I − II/2, aVF = II − I/2), so the six limb leads are consistent projections of one heart vector. Precordial
/// leads point around the horizontal plane from V1 (right-anterior) to V6 (left), the lateral ones tilted
/// downwards, with a per-record electrode placement jitter and the larger gain of chest leads.
/// </summary>
internal sealed class LeadSystem
{
    public static readonly string[] StandardNames = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>Angle in the horizontal plane from the patient's left towards anterior, V1 to V6.</summary>
    private static readonly double[] PrecordialDegrees = [115, 94, 77, 60, 30, 0];

    /// <summary>
    /// V1–V2 sit level with the heart's centre (4th intercostal space); V4–V6 lie lower (5th space), so they also see
    /// the inferior component and keep a tall R in vertical hearts.
    /// </summary>
    private static readonly double[] PrecordialTiltShare = [0, 0, 0.5, 1, 1, 1];

    private LeadSystem(string[] names, CardiacVector[] axes)
    {
        Names = names;
        Axes = axes;
    }

    public string[] Names { get; }

    public CardiacVector[] Axes { get; }

    public static LeadSystem Create(int leadCount, SeededRandom random)
    {
        var leadI = new CardiacVector(1, 0, 0);
        var leadII = CardiacVector.FromAngles(60, 0, 1);
        var axes = new List<CardiacVector>
        {
            leadI, leadII, leadII - leadI, -0.5 * (leadI + leadII), leadI - 0.5 * leadII, leadII - 0.5 * leadI,
        };
        // Chest electrodes sit close to the heart, so their leads see larger amplitudes than the limb leads.
        double chestGain = random.Uniform(1.3, 1.8);
        double lowTiltDegrees = random.Uniform(10, 30);
        for (int i = 0; i < PrecordialDegrees.Length; i++)
        {
            double horizontal = (PrecordialDegrees[i] + random.Uniform(-8, 8)) * Math.PI / 180;
            double gain = chestGain * random.Uniform(0.9, 1.1);
            double tilt = PrecordialTiltShare[i] * lowTiltDegrees * Math.PI / 180;
            axes.Add(new CardiacVector(
                gain * Math.Cos(tilt) * Math.Cos(horizontal), gain * Math.Sin(tilt), gain * Math.Cos(tilt) * Math.Sin(horizontal)));
        }
        return new LeadSystem(StandardNames[..leadCount], axes.Take(leadCount).ToArray());
    }
}
