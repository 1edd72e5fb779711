namespace SemiSegEcg.Algorithms.Shared;

/// <summary>Settings of ReCo's regional contrastive loss (docs/reference/original-behaviour.md#reco); the defaults are the shipped values.</summary>
/// <param name="EasyThreshold">Teacher confidence at or above which a position is "valid" (<c>easy_conf_thresh</c>, alias <c>eash_conf_thresh</c>).</param>
/// <param name="HardThreshold">Student probability of the pseudo-label below which a valid position is a "hard" query (<c>hard_conf_thresh</c>).</param>
/// <param name="Temperature">InfoNCE and negative-class-sampling temperature (<c>contr_temp</c>).</param>
/// <param name="Queries">Queries sampled per class (<c>contr_num_queries</c>).</param>
/// <param name="Negatives">Negatives sampled per query (<c>contr_num_negatives</c>).</param>
public sealed record RegionalContrastOptions(
    double EasyThreshold = 0.65,
    double HardThreshold = 0.80,
    double Temperature = 0.25,
    int Queries = 256,
    int Negatives = 512)
{
    /// <summary>Checks the ranges; messages name the config keys.</summary>
    public RegionalContrastOptions Validated()
    {
        if (EasyThreshold is < 0 or > 1 || double.IsNaN(EasyThreshold))
            throw new ArgumentOutOfRangeException(nameof(EasyThreshold), EasyThreshold, "train.easy_conf_thresh must be in [0, 1]");
        if (HardThreshold is < 0 or > 1 || double.IsNaN(HardThreshold))
            throw new ArgumentOutOfRangeException(nameof(HardThreshold), HardThreshold, "train.hard_conf_thresh must be in [0, 1]");
        if (!(Temperature > 0) || double.IsInfinity(Temperature))
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "train.contr_temp must be a positive number");
        if (Queries < 1)
            throw new ArgumentOutOfRangeException(nameof(Queries), Queries, "train.contr_num_queries must be at least 1");
        if (Negatives < 1)
            throw new ArgumentOutOfRangeException(nameof(Negatives), Negatives, "train.contr_num_negatives must be at least 1");
        return this;
    }
}
