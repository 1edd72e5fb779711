using SemiSegEcg.Data;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Combines the leads of a recording into one label track. From model output: the per-sample class probabilities are
/// averaged over the leads and the argmax taken, so a lead that is confident counts more than one that hesitates
/// (a soft majority vote). From plain labels: a per-sample majority vote. Ties go to the lower class id.
/// Peaks of consensus waves are looked up on one lead (<see cref="PeakLead"/>).
/// </summary>
public static class LeadConsensus
{
    private const int ClassCount = WaveLabels.ClassCount;

    /// <param name="probabilities">Per lead, class-major probabilities (<c>[c · length + k]</c>).</param>
    public static byte[] MeanProbabilityLabels(IReadOnlyList<float[]> probabilities, int length)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count == 0) throw new ArgumentException("no leads to combine", nameof(probabilities));
        foreach (var p in probabilities)
        {
            if (p.Length != ClassCount * length)
                throw new ArgumentException($"a lead has {p.Length} probabilities, expected {ClassCount}×{length}", nameof(probabilities));
        }
        var sums = new double[ClassCount * length];
        foreach (var p in probabilities)
        {
            for (int i = 0; i < sums.Length; i++) sums[i] += p[i];
        }
        var labels = new byte[length];
        for (int k = 0; k < length; k++)
        {
            int best = 0;
            for (int c = 1; c < ClassCount; c++)
            {
                if (sums[c * length + k] > sums[best * length + k]) best = c;
            }
            labels[k] = (byte)best;
        }
        return labels;
    }

    /// <summary>Per-sample majority over the leads' labels (ignored samples, 255, do not vote; no votes → background).</summary>
    public static byte[] MajorityVote(IReadOnlyList<byte[]> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0) throw new ArgumentException("no leads to combine", nameof(labels));
        int length = labels[0].Length;
        if (labels.Any(l => l.Length != length)) throw new ArgumentException("the leads' label tracks differ in length", nameof(labels));
        var result = new byte[length];
        Span<int> votes = stackalloc int[ClassCount];
        for (int k = 0; k < length; k++)
        {
            votes.Clear();
            foreach (var track in labels)
            {
                if (track[k] < ClassCount) votes[track[k]]++;
            }
            int best = 0;
            for (int c = 1; c < ClassCount; c++)
            {
                if (votes[c] > votes[best]) best = c;
            }
            result[k] = (byte)best;
        }
        return result;
    }

    /// <summary>
    /// The lead consensus peaks are taken on: <paramref name="preferred"/> if given and present (else an error),
    /// otherwise lead II if present (the usual rhythm lead, upright P/QRS/T in most hearts), otherwise the lead with the
    /// largest amplitude (99.5th − 0.5th percentile of the band-passed signal, robust to a stray spike).
    /// </summary>
    public static int PeakLead(IReadOnlyList<string> leadNames, IReadOnlyList<double[]> filteredLeads, string? preferred = null)
    {
        ArgumentNullException.ThrowIfNull(leadNames);
        ArgumentNullException.ThrowIfNull(filteredLeads);
        if (preferred is not null)
        {
            int index = IndexOf(leadNames, preferred);
            return index >= 0 ? index
                : throw new ArgumentException($"consensus peak lead '{preferred}' is not among the leads: {string.Join(", ", leadNames)}", nameof(preferred));
        }
        int leadII = IndexOf(leadNames, "II");
        if (leadII >= 0) return leadII;
        int best = 0;
        double bestAmplitude = double.NegativeInfinity;
        for (int lead = 0; lead < filteredLeads.Count; lead++)
        {
            double amplitude = FastQuantile.Of(filteredLeads[lead], 0.995) - FastQuantile.Of(filteredLeads[lead], 0.005);
            if (amplitude > bestAmplitude)
            {
                bestAmplitude = amplitude;
                best = lead;
            }
        }
        return best;
    }

    private static int IndexOf(IReadOnlyList<string> names, string wanted)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i].Trim(), wanted, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }
}
