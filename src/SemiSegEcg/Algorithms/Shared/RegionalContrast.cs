using SemiSegEcg.Tensors;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Algorithms.Shared;

/// <summary>
/// ReCo's regional contrastive loss (docs/reference/original-behaviour.md#reco), vectorised: per class (at most a handful) a few tensor ops, never a
/// loop over queries or negatives. Per-position latents are contrasted against class prototypes; pseudo-labels and
/// "valid" positions come from the teacher, "hard" queries from the student's confidence. Prototypes are the mean of
/// the <b>raw</b> (unnormalised) latents of a class's valid positions, as the original's prototype is ({D}#reco); every
/// similarity is a cosine, so queries, prototypes and negatives are normalised only when compared. Query and negative
/// sampling draws from torch's default generator, so a seeded run is reproducible and resumes exactly.
/// </summary>
public static class RegionalContrast
{
    /// <summary>The contrastive loss of one batch; 0 when fewer than two classes have valid positions.</summary>
    /// <param name="latent">Projected latent <c>(B, D, T)</c>; carries the gradient (through the queries only).</param>
    /// <param name="teacherProbabilities">Teacher softmax <c>(B, C, T)</c>: pseudo-labels and validity.</param>
    /// <param name="studentProbabilities">Student softmax <c>(B, C, T)</c>: which valid positions are hard.</param>
    public static Tensor Loss(Tensor latent, Tensor teacherProbabilities, Tensor studentProbabilities, RegionalContrastOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckShapes(latent, teacherProbabilities, studentProbabilities);
        using var scope = NewDisposeScope();
        var latents = Flatten(latent);
        var regions = FindRegions(latents, Flatten(teacherProbabilities), Flatten(studentProbabilities),
            options.EasyThreshold, options.HardThreshold);
        if (regions.Count < 2)
            return zeros([], latent.dtype, latent.device).MoveToOuterDisposeScope();
        var samples = Draw(regions, options);
        return InfoNce(latents, samples, regions.Count, options.Temperature).MoveToOuterDisposeScope();
    }

    /// <summary><c>(B, K, T)</c> → one row per position, <c>(B·T, K)</c>; row index = b·T + t.</summary>
    internal static Tensor Flatten(Tensor x) => x.permute(0, 2, 1).reshape(-1, x.shape[1]);

    /// <summary>
    /// Every class with at least one valid position (teacher confidence ≥ <paramref name="easyThreshold"/>, class =
    /// teacher argmax): its valid rows, its hard rows (valid rows whose student probability for the class is below
    /// <paramref name="hardThreshold"/>) and its prototype (mean raw latent of the valid rows, no gradient).
    /// </summary>
    /// <param name="latents">Per-position latents <c>(N, D)</c>.</param>
    /// <param name="teacher">Teacher probabilities <c>(N, C)</c>.</param>
    /// <param name="student">Student probabilities <c>(N, C)</c>.</param>
    internal static List<ClassRegion> FindRegions(Tensor latents, Tensor teacher, Tensor student, double easyThreshold, double hardThreshold)
    {
        using var noGrad = no_grad();
        var (confidence, label) = teacher.max(1);
        var valid = confidence.ge(LongLivedScalars.Of(easyThreshold));
        var studentOfLabel = student.gather(1, label.unsqueeze(1)).squeeze(1);
        var hard = valid.logical_and(studentOfLabel.lt(LongLivedScalars.Of(hardThreshold)));
        var regions = new List<ClassRegion>();
        for (long c = 0; c < teacher.shape[1]; c++)
        {
            var ofClass = label.eq(LongLivedScalars.Of(c));
            var validRows = valid.logical_and(ofClass).nonzero().view(-1);
            if (validRows.shape[0] == 0) continue;
            var hardRows = hard.logical_and(ofClass).nonzero().view(-1);
            var prototype = latents.index_select(0, validRows).mean([0]);
            regions.Add(new ClassRegion(c, validRows, hardRows, prototype));
        }
        return regions;
    }

    /// <summary>
    /// For each region with hard rows: <see cref="RegionalContrastOptions.Queries"/> query rows drawn uniformly with
    /// replacement from its hard rows, and per query <see cref="RegionalContrastOptions.Negatives"/> negative rows — the
    /// class of each from softmax(cosine(μ_i, μ_j) / τ) over the other present classes j, then a uniformly random valid
    /// row of that class. One randint, one multinomial and one rand per class; no gradient.
    /// </summary>
    internal static List<ClassSample> Draw(IReadOnlyList<ClassRegion> regions, RegionalContrastOptions options)
    {
        using var noGrad = no_grad();
        var device = regions[0].ValidRows.device;
        int queries = options.Queries, negatives = options.Negatives;
        long draws = (long)queries * negatives;
        var unitPrototypes = F.normalize(stack(regions.Select(r => r.Prototype).ToList(), 0), p: 2, dim: 1);
        var similarity = unitPrototypes.matmul(unitPrototypes.t());
        var counts = tensor(regions.Select(r => r.ValidRows.shape[0]).ToArray(), ScalarType.Int64, device);
        var starts = counts.cumsum(0) - counts;
        var pooledValidRows = cat(regions.Select(r => r.ValidRows).ToList(), 0);
        var self = eye(regions.Count, dtype: ScalarType.Bool, device: device);
        var temperature = LongLivedScalars.Of(options.Temperature);

        var samples = new List<ClassSample>();
        for (int i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            long hardCount = region.HardRows.shape[0];
            if (hardCount == 0) continue;
            var queryRows = region.HardRows.index_select(0, randint(hardCount, [queries], ScalarType.Int64, device));
            var classDistribution = similarity[i].div(temperature).masked_fill(self[i], LongLivedScalars.Of(double.NegativeInfinity)).softmax(0);
            var negativeClasses = classDistribution.multinomial(draws, replacement: true);
            var classCounts = counts.index_select(0, negativeClasses);
            var offsets = (rand([draws], ScalarType.Float64, device) * classCounts.to(ScalarType.Float64)).floor()
                .to(ScalarType.Int64).minimum(classCounts.sub(LongLivedScalars.One));
            var negativeRows = pooledValidRows.index_select(0, starts.index_select(0, negativeClasses).Plus(offsets)).view(queries, negatives);
            samples.Add(new ClassSample(region.Class, queryRows, negativeRows, region.Prototype));
        }
        return samples;
    }

    /// <summary>
    /// Σ over the sampled classes of InfoNCE(query; positive = the class prototype, negatives) with logits
    /// cosine / τ and the positive at index 0, divided by <paramref name="presentClasses"/> (classes without hard rows
    /// count there too). Gradient reaches <paramref name="latents"/> only through the query rows.
    /// </summary>
    /// <param name="latents">Per-position latents <c>(N, D)</c>.</param>
    internal static Tensor InfoNce(Tensor latents, IReadOnlyList<ClassSample> samples, int presentClasses, double temperature)
    {
        if (presentClasses < 1)
            throw new ArgumentOutOfRangeException(nameof(presentClasses), presentClasses, "at least one class must be present");
        using var scope = NewDisposeScope();
        var keys = F.normalize(latents.detach(), p: 2, dim: 1);
        var total = zeros([], latents.dtype, latents.device);
        var scale = LongLivedScalars.Of(temperature);
        foreach (var sample in samples)
        {
            long queries = sample.NegativeRows.shape[0], negatives = sample.NegativeRows.shape[1];
            var anchors = F.normalize(latents.index_select(0, sample.QueryRows), p: 2, dim: 1);
            var positive = F.normalize(sample.Prototype.detach(), p: 2, dim: 0);
            var negativeKeys = keys.index_select(0, sample.NegativeRows.reshape(-1)).view(queries, negatives, -1);
            var positiveLogit = anchors.matmul(positive).unsqueeze(1);
            var negativeLogits = negativeKeys.bmm(anchors.unsqueeze(2)).squeeze(2);
            var logits = cat([positiveLogit, negativeLogits], 1).div(scale);
            total = total.Plus(F.cross_entropy(logits, zeros([queries], ScalarType.Int64, latents.device)));
        }
        return total.div(LongLivedScalars.Of((long)presentClasses)).MoveToOuterDisposeScope();
    }

    private static void CheckShapes(Tensor latent, Tensor teacher, Tensor student)
    {
        if (latent.dim() != 3)
            throw new ArgumentException($"the latent must be (B, D, T), got ({string.Join(", ", latent.shape)})", nameof(latent));
        if (teacher.dim() != 3 || !teacher.shape.SequenceEqual(student.shape) || teacher.shape[0] != latent.shape[0] || teacher.shape[2] != latent.shape[2])
        {
            throw new ArgumentException(
                $"teacher ({string.Join(", ", teacher.shape)}) and student ({string.Join(", ", student.shape)}) probabilities must be (B, C, T) " +
                $"with the latent's B and T ({latent.shape[0]}, {latent.shape[2]})", nameof(teacher));
        }
    }

    /// <summary>A class with valid positions: its valid and hard rows (int64 indices into the flattened positions) and prototype.</summary>
    internal sealed record ClassRegion(long Class, Tensor ValidRows, Tensor HardRows, Tensor Prototype);

    /// <summary>The sampled query rows <c>(Q)</c> and negative rows <c>(Q, M)</c> of one class, with its (raw) prototype.</summary>
    internal sealed record ClassSample(long Class, Tensor QueryRows, Tensor NegativeRows, Tensor Prototype);
}
