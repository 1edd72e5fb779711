namespace SemiSegEcg.Algorithms.Shared;

/// <summary>
/// Settings of ReCo's regional contrastive loss (docs/reference/original-behaviour.md#reco); the defaults are the shipped values. Their ranges are
/// checked where the keys are declared, in <see cref="ReCo.Options"/>.
/// </summary>
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
    int Negatives = 512);
