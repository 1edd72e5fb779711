using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Algorithms.Shared;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class RegionalContrastTests
{
    [Fact]
    public void Should_Compute_InfoNce_By_Hand_On_Fixed_Queries_And_Negatives()
    {
        using var scope = NewDisposeScope();
        // Rows: 0 query (1,1), 1 negative (0,5), 2 negative (−1,0), 3 query (1,0). Prototype (2,0) → unit (1,0).
        var latents = tensor(new float[] { 1, 1, 0, 5, -1, 0, 1, 0 }, [4, 2]);
        var sample = new RegionalContrast.ClassSample(0, tensor(new long[] { 0, 3 }),
            tensor(new long[] { 1, 2, 1, 2 }, [2, 2]), tensor(new float[] { 2, 0 }));

        var loss = RegionalContrast.InfoNce(latents, [sample], presentClasses: 2, temperature: 0.5).item<float>();

        // Query 0: cosines (1/√2, 1/√2, −1/√2) / 0.5 → CE = ln(2 + e^(−2√2)).
        // Query 3: cosines (1, 0, −1) / 0.5 → CE = ln(1 + e^−2 + e^−4). Mean over queries, divided by 2 classes.
        double expected = (Math.Log(2 + Math.Exp(-2 * Math.Sqrt(2))) + Math.Log(1 + Math.Exp(-2) + Math.Exp(-4))) / 2 / 2;
        Assert.Equal(0.2163008534, expected, 9);
        Assert.Equal(expected, loss, 5);
    }

    [Fact]
    public void Should_Send_Gradient_Only_Into_The_Queries()
    {
        using var scope = NewDisposeScope();
        var latents = tensor(new float[] { 1, 1, 0, 5, -1, 0, 1, 0, 3, 1, 2, -1 }, [6, 2]).requires_grad_(true);
        // The prototype is built from rows 4 and 5 with gradient on; the function must detach it.
        var prototype = latents.index_select(0, tensor(new long[] { 4, 5 })).mean([0]);
        var sample = new RegionalContrast.ClassSample(0, tensor(new long[] { 0, 3 }), tensor(new long[] { 1, 2, 1, 2 }, [2, 2]), prototype);

        RegionalContrast.InfoNce(latents, [sample], 2, 0.5).backward();

        var rowNorms = latents.grad!.abs().sum(1);
        Assert.True(rowNorms[0].item<float>() > 1e-4);
        Assert.True(rowNorms[3].item<float>() > 1e-4);
        foreach (int negativeOrPrototypeRow in new[] { 1, 2, 4, 5 })
            Assert.Equal(0f, rowNorms[negativeOrPrototypeRow].item<float>());
    }

    [Fact]
    public void Should_Apply_The_Easy_And_Hard_Thresholds_And_Average_Raw_Latents_Into_Prototypes()
    {
        using var scope = NewDisposeScope();
        var options = new RegionalContrastOptions(EasyThreshold: 0.75, HardThreshold: 0.5);
        // Position: teacher probs (classes 0..2), student prob of the teacher's class, latent.
        var teacher = tensor(new float[]
        {
            0.875f, 0.125f, 0,      // 0: valid class 0, student 0.25 → hard
            0.75f, 0.25f, 0,        // 1: valid at exactly the easy threshold, student 0.5 → not hard (strict <)
            0.625f, 0.375f, 0,      // 2: below the easy threshold → neither
            0, 1, 0,                // 3: valid class 1, student 0.375 → hard
            0, 0.125f, 0.875f,      // 4: valid class 2, student 0.75 → not hard
        }, [5, 3]);
        var student = tensor(new float[]
        {
            0.25f, 0.5f, 0.25f,
            0.5f, 0.25f, 0.25f,
            0.125f, 0.75f, 0.125f,
            0.5f, 0.375f, 0.125f,
            0, 0.25f, 0.75f,
        }, [5, 3]);
        var latents = tensor(new float[] { 2, 0, 4, 2, 100, 100, 0, 3, -1, -1 }, [5, 2]);

        var regions = RegionalContrast.FindRegions(latents, teacher, student, options.EasyThreshold, options.HardThreshold);

        Assert.Equal(new long[] { 0, 1, 2 }, regions.Select(r => r.Class));
        Assert.Equal(new long[] { 0, 1 }, regions[0].ValidRows.data<long>().ToArray());
        Assert.Equal(new long[] { 0 }, regions[0].HardRows.data<long>().ToArray());
        Assert.Equal(new long[] { 3 }, regions[1].HardRows.data<long>().ToArray());
        Assert.Empty(regions[2].HardRows.data<long>().ToArray());
        Assert.Equal(new float[] { 3, 1 }, regions[0].Prototype.data<float>().ToArray());
    }

    [Fact]
    public void Should_Be_Zero_When_Fewer_Than_Two_Classes_Are_Valid()
    {
        using var scope = NewDisposeScope();
        // Class 1 appears, but only below the easy threshold.
        var teacher = Probabilities([0, 0, 0, 1], confidence: [0.9f, 0.9f, 0.9f, 0.6f]);
        var student = Probabilities([0, 0, 0, 1], confidence: [0.3f, 0.3f, 0.3f, 0.3f]);
        var latent = randn([1, 8, 4]).requires_grad_(true);

        var loss = RegionalContrast.Loss(latent, teacher, student, new RegionalContrastOptions(Queries: 4, Negatives: 4));

        Assert.Equal(0f, loss.item<float>());
    }

    [Fact]
    public void Should_Count_Classes_Without_Hard_Positions_In_The_Denominator()
    {
        using var scope = NewDisposeScope();
        // Class 0 (latent (1,0)) is hard; classes 1 (0,1) and 2 (0,−1) are confident students, so only class 0
        // contributes: every negative has cosine 0 with the query and the positive cosine 1 → CE = ln(e^(1/τ) + M) − 1/τ.
        var options = new RegionalContrastOptions(Temperature: 0.5, Queries: 8, Negatives: 16);
        var latent = tensor(new float[] { 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, -1, -1 }, [1, 2, 6]);
        var labels = new long[] { 0, 0, 1, 1, 2, 2 };
        var teacher = Probabilities(labels, confidence: [0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f]);
        var student = Probabilities(labels, confidence: [0.2f, 0.2f, 0.95f, 0.95f, 0.95f, 0.95f]);
        double classLoss = Math.Log(Math.Exp(2) + 16) - 2;

        float threeClasses = RegionalContrast.Loss(latent, teacher, student, options).item<float>();
        float twoClasses = RegionalContrast.Loss(latent[.., .., ..4], teacher[.., .., ..4], student[.., .., ..4], options).item<float>();

        Assert.Equal(classLoss / 3, threeClasses, 5);
        Assert.Equal(classLoss / 2, twoClasses, 5);
    }

    [Fact]
    public void Should_Draw_Queries_From_Hard_Rows_And_Negative_Classes_From_The_Prototype_Softmax()
    {
        using var scope = NewDisposeScope();
        // Prototypes: class 0 (1,0), class 1 (1,1)/√2 direction, class 2 (−1,0). τ = 1 → for class 0 the negative
        // classes 1 and 2 have probabilities ∝ e^(1/√2) and e^(−1).
        var options = new RegionalContrastOptions(Temperature: 1.0, Queries: 256, Negatives: 512);
        var latents = tensor(new float[] { 1, 0, 2, 0, 1, 1, 2, 2, -1, 0 }, [5, 2]);
        var regions = new List<RegionalContrast.ClassRegion>
        {
            new(0, tensor(new long[] { 0, 1 }), tensor(new long[] { 1 }), tensor(new float[] { 1.5f, 0 })),
            new(1, tensor(new long[] { 2, 3 }), tensor(new long[] { 2, 3 }), tensor(new float[] { 1.5f, 1.5f })),
            new(2, tensor(new long[] { 4 }), tensor(new long[] { 4 }), tensor(new float[] { -1, 0 })),
        };

        random.manual_seed(11);
        var samples = RegionalContrast.Draw(regions, options);
        random.manual_seed(11);
        var again = RegionalContrast.Draw(regions, options);

        Assert.Equal(3, samples.Count);
        Assert.All(samples[0].QueryRows.data<long>().ToArray(), row => Assert.Equal(1, row));
        Assert.Equal(new long[] { 256, 512 }, samples[0].NegativeRows.shape);
        var negatives = samples[0].NegativeRows.data<long>().ToArray();
        Assert.DoesNotContain(negatives, row => row is 0 or 1);
        double fromClass1 = negatives.Count(row => row is 2 or 3) / (double)negatives.Length;
        double expected = Math.Exp(1 / Math.Sqrt(2)) / (Math.Exp(1 / Math.Sqrt(2)) + Math.Exp(-1));
        Assert.InRange(fromClass1, expected - 0.01, expected + 0.01);
        // Within class 1 the valid rows are drawn uniformly.
        double row2 = negatives.Count(row => row == 2) / (double)negatives.Count(row => row is 2 or 3);
        Assert.InRange(row2, 0.48, 0.52);
        Assert.True(samples[1].NegativeRows.equal(again[1].NegativeRows).all().item<bool>());
        Assert.True(samples[2].QueryRows.equal(again[2].QueryRows).all().item<bool>());
    }

    [Fact]
    public void Should_Back_Propagate_Only_Into_Hard_Positions_Of_The_Latent()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        var latent = randn([1, 4, 6]).requires_grad_(true);
        var labels = new long[] { 0, 0, 0, 1, 1, 1 };
        var teacher = Probabilities(labels, confidence: [0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.5f]);
        var student = Probabilities(labels, confidence: [0.3f, 0.95f, 0.3f, 0.3f, 0.95f, 0.3f]);

        var loss = RegionalContrast.Loss(latent, teacher, student, new RegionalContrastOptions());
        loss.backward();

        var perPosition = latent.grad!.abs().sum(1).squeeze(0).data<float>().ToArray();
        Assert.True(loss.item<float>() > 0);
        // Hard: 0, 2 (class 0) and 3 (class 1). Position 5 is not valid (teacher 0.5 < 0.65); 1 and 4 are easy.
        foreach (int hard in new[] { 0, 2, 3 }) Assert.True(perPosition[hard] > 0, $"position {hard}");
        foreach (int other in new[] { 1, 4, 5 }) Assert.Equal(0f, perPosition[other]);
    }

    /// <summary>(1, 3, T) probabilities: the given class gets <paramref name="confidence"/>, the rest share what is left.</summary>
    private static Tensor Probabilities(long[] labels, float[] confidence)
    {
        var values = new float[3 * labels.Length];
        for (int t = 0; t < labels.Length; t++)
        {
            for (int c = 0; c < 3; c++)
                values[c * labels.Length + t] = c == labels[t] ? confidence[t] : (1 - confidence[t]) / 2;
        }
        return tensor(values, [1, 3, labels.Length]);
    }
}
