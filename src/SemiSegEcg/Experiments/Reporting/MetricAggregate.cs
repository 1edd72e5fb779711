namespace SemiSegEcg.Experiments.Reporting;

/// <summary>Mean and sample standard deviation (n − 1) over the finite values of a cell; SD is NaN for one value.</summary>
public sealed record MetricAggregate(double Mean, double StandardDeviation, int Count)
{
    /// <returns>Null when no value is finite.</returns>
    public static MetricAggregate? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return null;
        double mean = finite.Average();
        double sd = finite.Count > 1 ? Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Count - 1)) : double.NaN;
        return new MetricAggregate(mean, sd, finite.Count);
    }
}
