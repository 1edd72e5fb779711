using SemiSegEcg.Algorithms;
using SemiSegEcg.Tests.Infrastructure;
using static SemiSegEcg.Tests.Algorithms.AlgorithmTestKit;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Algorithms;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class UniMatchTests
{
    [Fact]
    public void Should_Perturb_The_Weak_Stream_In_Train_Mode()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        using var unimatch = new UniMatch(NewModel(), 0.8, featureDropout: 0.5);
        unimatch.TrainedNetworks[0].Model.train();
        var input = Input(seed: 7, strongViews: 2);

        var streams = unimatch.Forward(input.Labeled, input.UnlabeledWeak!, input.UnlabeledStrong[0], input.UnlabeledStrong[1]);

        Assert.Equal(new long[] { 2, 4, Length }, streams.WeakPerturbed.shape);
        Assert.True((streams.WeakPerturbed - streams.Weak).abs().mean().item<float>() > 1e-3);
    }

    [Fact]
    public void Should_Give_The_Clean_Logits_In_The_Perturbed_Stream_When_Feature_Dropout_Is_Zero()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        // The FCN head's own dropout would differ between the halves; switch it off to isolate the feature dropout.
        using var unimatch = new UniMatch(NewModel(headDropout: 0), 0.8, featureDropout: 0.0);
        unimatch.TrainedNetworks[0].Model.train();
        var input = Input(seed: 7, strongViews: 2);

        var streams = unimatch.Forward(input.Labeled, input.UnlabeledWeak!, input.UnlabeledStrong[0], input.UnlabeledStrong[1]);

        Assert.True(streams.WeakPerturbed.allclose(streams.Weak, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Should_Combine_The_Four_Losses_As_The_Paper_Does_On_Controlled_Pseudo_Labels()
    {
        using var scope = NewDisposeScope();
        using var unimatch = new UniMatch(NewModel(), 0.8, 0.5);
        // One sample, 4 positions. Weak: positions 0–2 are confident (logit 10 on classes 1, 2, 3), position 3 is
        // uniform (confidence 0.25 < 0.8, masked but counted).
        var weak = Logits((1, 10), (2, 10), (3, 10), (0, 0));
        var streams = new UniMatch.Streams(
            Labeled: zeros([1, 4, 4]),
            Weak: weak,
            WeakPerturbed: weak.clone(),
            Strong1: zeros([1, 4, 4]),                                   // CE ln 4 everywhere
            Strong2: Logits((1, Math.Log(3)), (2, Math.Log(3)), (3, Math.Log(3)), (0, 0))); // CE ln 2 on the pseudo-label
        var masks = tensor(new long[] { 0, 1, 2, 3 }, [1, 4]);

        var result = unimatch.Losses(streams, masks);

        double lossX = Math.Log(4);
        double s1 = 3 * Math.Log(4) / 4, s2 = 3 * Math.Log(2) / 4, fp = 3 * Math.Log(1 + 3 * Math.Exp(-10)) / 4;
        Assert.Equal(lossX, Scalar(result, "loss_x"), 5);
        Assert.Equal((s1 + s2) / 2, Scalar(result, "loss_u_s"), 5);
        Assert.Equal(fp, Scalar(result, "loss_u_w_fp"), 6);
        Assert.Equal(0.75, Scalar(result, "mask_ratio"), 6);
        Assert.Equal((lossX + 0.25 * s1 + 0.25 * s2 + 0.5 * fp) / 2, Scalar(result, "loss_total"), 5);
        Assert.Equal(Scalar(result, "loss_total"), result.Losses[0].item<float>(), 6);

        using var weighted = new UniMatch(NewModel(), 0.8, 0.5, lossWeights: [2, 0, 1, 0]);
        Assert.Equal((2 * lossX + s2) / 2, Scalar(weighted.Losses(streams, masks), "loss_total"), 5);
    }

    [Fact]
    public void Should_Give_The_Strong_Views_The_Next_Samples_Pseudo_Labels_Inside_The_CutMix_Segments()
    {
        using var scope = NewDisposeScope();
        using var unimatch = new UniMatch(NewModel(), 0.8, 0.5);
        // Two samples of 2 positions: sample 0 pseudo-labels class 1, sample 1 class 2. Strong view 1 favours class 1
        // (probability 1/2; class 2 gets 1/6): CE ln 2 against class 1, ln 6 against class 2.
        var weak = cat([Logits((1, 10), (1, 10)), Logits((2, 10), (2, 10))], 0);
        var strong = cat([Logits((1, Math.Log(3)), (1, Math.Log(3))), Logits((1, Math.Log(3)), (1, Math.Log(3)))], 0);
        var streams = new UniMatch.Streams(zeros([2, 4, 2]), weak, weak.clone(), strong, strong.clone());
        var masks = zeros([2, 2], ScalarType.Int64);
        var segments = tensor(new[] { true, false, false, false }, [2, 2]);

        double plain = Scalar(unimatch.Losses(streams, masks), "loss_u_s");
        double mixed = Scalar(unimatch.Losses(streams, masks, segments1: segments), "loss_u_s");

        double s = (2 * Math.Log(2) + 2 * Math.Log(6)) / 4;
        double s1Mixed = (Math.Log(6) + Math.Log(2) + 2 * Math.Log(6)) / 4;
        Assert.Equal(s, plain, 5);
        Assert.Equal((s1Mixed + s) / 2, mixed, 5);
    }

    [Fact]
    public void Should_Use_Both_Strong_Views()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        using var unimatch = new UniMatch(NewModel(), 0.0, 0.5);
        unimatch.TrainedNetworks[0].Model.eval();
        var input = Input(seed: 8, strongViews: 2);
        var noise = randn_like(input.UnlabeledStrong[0]);

        double reference = StrongLoss(unimatch, input);
        double firstChanged = StrongLoss(unimatch, input with { UnlabeledStrong = [input.UnlabeledStrong[0] + noise, input.UnlabeledStrong[1]] });
        double secondChanged = StrongLoss(unimatch, input with { UnlabeledStrong = [input.UnlabeledStrong[0], input.UnlabeledStrong[1] + noise] });

        Assert.NotEqual(reference, firstChanged, 4);
        Assert.NotEqual(reference, secondChanged, 4);
        Assert.Equal(new AlgorithmDataNeeds(true, 2), unimatch.DataNeeds);
    }

    [Fact]
    public void Should_Mix_Only_The_Strong_Views_When_CutMix_Is_On()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        var model = NewModel();
        model.eval();
        using var plain = new UniMatch(model, 0.0, 0.5);
        var mixing = new UniMatch(model, 0.0, 0.5, cutMix: true);
        var input = Input(seed: 9, strongViews: 2);

        random.manual_seed(2);
        var a = plain.TrainStep(input, Context);
        random.manual_seed(2);
        var b = mixing.TrainStep(input, Context);

        // Eval mode: the labeled and weak logits do not depend on the strong views or on the random draws.
        Assert.Equal(Scalar(a, "loss_x"), Scalar(b, "loss_x"), 6);
        Assert.Equal(Scalar(a, "mask_ratio"), Scalar(b, "mask_ratio"), 6);
        Assert.NotEqual(Scalar(a, "loss_u_s"), Scalar(b, "loss_u_s"), 4);
    }

    /// <summary>loss_u_s of a step with the same dropout draws (eval mode: BN statistics do not depend on the batch).</summary>
    private static double StrongLoss(UniMatch unimatch, SemiSegEcg.Algorithms.StepInput input)
    {
        random.manual_seed(3);
        return Scalar(unimatch.TrainStep(input, Context), "loss_u_s");
    }

    /// <summary>(1, 4, T) logits: at position t, class c gets the given value, the others 0.</summary>
    private static Tensor Logits(params (int Class, double Value)[] positions)
    {
        var values = new float[4 * positions.Length];
        for (int t = 0; t < positions.Length; t++)
            values[positions[t].Class * positions.Length + t] = (float)positions[t].Value;
        return tensor(values, [1, 4, positions.Length]);
    }
}
