using MathNet.Numerics.Distributions;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>
/// A method minus its baseline on the same label draws and seeds: mean of the paired differences, their sample SD,
/// and the two-sided 95 % confidence interval of the mean from Student's t with n − 1 degrees of freedom (the paired
/// t-test). The interval needs at least two pairs that vary: with a sample SD of 0 it is undefined (NaN), not a point.
/// </summary>
public sealed record PairedDifference(double Mean, double StandardDeviation, int Count, double Low, double High)
{
    public const double Confidence = 0.95;

    /// <summary>True when the interval lies wholly on one side of 0: a difference the draws cannot explain.</summary>
    public bool IsSignificant => Count >= 2 && !double.IsNaN(Low) && (Low > 0 || High < 0);

    /// <returns>Null for no finite pair.</returns>
    public static PairedDifference? Of(IEnumerable<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var d = differences.Where(double.IsFinite).ToList();
        if (d.Count == 0) return null;
        double mean = d.Average();
        if (d.Count == 1) return new PairedDifference(mean, double.NaN, 1, double.NaN, double.NaN);
        double sd = Math.Sqrt(d.Sum(v => (v - mean) * (v - mean)) / (d.Count - 1));
        if (sd == 0) return new PairedDifference(mean, 0, d.Count, double.NaN, double.NaN);
        double t = StudentT.InvCDF(0, 1, d.Count - 1, 1 - (1 - Confidence) / 2);
        double half = t * sd / Math.Sqrt(d.Count);
        return new PairedDifference(mean, sd, d.Count, mean - half, mean + half);
    }
}
