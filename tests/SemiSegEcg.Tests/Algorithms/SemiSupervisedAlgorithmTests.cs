using SemiSegEcg.Algorithms;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Tests.Infrastructure;
using static SemiSegEcg.Tests.Algorithms.AlgorithmTestKit;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Algorithms;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class SemiSupervisedAlgorithmTests
{
    public static TheoryData<string> Methods => new() { "mean_teacher", "fixmatch", "cps", "reco", "unimatch" };

    private static ISegmentationAlgorithm Create(string name)
    {
        random.manual_seed(0);
        return name switch
        {
            "mean_teacher" => new MeanTeacher(NewModel(), NewModel(), 0.99),
            "fixmatch" => new FixMatch(NewModel(), 0.0),
            "cps" => new Cps(NewModel(), NewModel()),
            "reco" => new ReCo(NewModel(latent: true), NewModel(latent: true), 0.99, 0.0, new RegionalContrastOptions(Queries: 32, Negatives: 64)),
            "unimatch" => new UniMatch(NewModel(), 0.0, 0.5),
            _ => throw new ArgumentException(name),
        };
    }

    /// <summary>The method's total from its logged terms.</summary>
    private static double ExpectedTotal(string name, StepResult result) => name switch
    {
        "reco" => (Scalar(result, "loss_x") + Scalar(result, "loss_u_s") + Scalar(result, "contr_loss")) / 3,
        "unimatch" => (Scalar(result, "loss_x") + 0.5 * Scalar(result, "loss_u_s") + 0.5 * Scalar(result, "loss_u_w_fp")) / 2,
        _ => (Scalar(result, "loss_x") + Scalar(result, "loss_u_s")) / 2,
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Should_Have_An_Unsupervised_Loss_That_Reacts_To_The_Unlabeled_Input(string name)
    {
        using var scope = NewDisposeScope();
        using var algorithm = Create(name);
        foreach (var n in algorithm.TrainedNetworks) n.Model.train();
        var input = Input(seed: 1, strongViews: Math.Max(1, algorithm.DataNeeds.UnlabeledStrongViews));

        random.manual_seed(5);
        var a = algorithm.TrainStep(input, Context);
        random.manual_seed(5);
        var b = algorithm.TrainStep(WithOtherUnlabeled(input, seed: 2), Context);

        // loss_x may move too (labeled and unlabeled share one BatchNorm batch, as in the original), and each
        // train-mode forward updates the BN running statistics that eval-mode pseudo-labels use; only the
        // unsupervised term is asserted.
        Assert.NotEqual(Scalar(a, "loss_u_s"), Scalar(b, "loss_u_s"), 3);
        Assert.True(Scalar(a, "loss_u_s") > 0);
        Assert.Equal(algorithm.TrainedNetworks.Count, a.Losses.Count);
        Assert.Equal(ExpectedTotal(name, a), Scalar(a, "loss_total"), 5);
    }

    [Fact]
    public void Should_Move_The_Mean_Teacher_By_One_Percent_Of_The_Gap_Per_Update()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        using var algorithm = new MeanTeacher(NewModel(), NewModel(), 0.99);
        var student = algorithm.TrainedNetworks[0].Model;
        var teacher = algorithm.CheckpointedNetworks.Single(n => n.Key == "model_ema").Model;
        var (name, studentWeight) = student.named_parameters().First();
        var teacherWeight = teacher.named_parameters().Single(p => p.name == name).parameter;
        Assert.True(teacherWeight.equal(studentWeight).all().item<bool>());

        using (no_grad()) studentWeight.add_(1.0);
        var before = teacherWeight.clone();
        algorithm.AfterOptimizerStep(Context);

        Assert.True((teacherWeight - before).sub(0.01).abs().max().item<float>() < 1e-6);
        Assert.False(teacher.training);
        Assert.False(teacherWeight.requires_grad);
    }

    [Fact]
    public void Should_Mask_FixMatch_Positions_Below_The_Threshold_But_Count_Them_In_The_Mean()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        using var strict = new FixMatch(NewModel(), 1.01);
        strict.TrainedNetworks[0].Model.train();

        var result = strict.TrainStep(Input(seed: 3), Context);

        Assert.Equal(0.0, Scalar(result, "mask_ratio"));
        Assert.Equal(0.0, Scalar(result, "loss_u_s"));
        Assert.Equal(Scalar(result, "loss_x") / 2, Scalar(result, "loss_total"), 5);
    }

    [Fact]
    public void Should_Initialise_The_Two_Cps_Networks_Differently_And_Evaluate_The_First()
    {
        using var scope = NewDisposeScope();
        using var cps = (Cps)Create("cps");
        var first = cps.TrainedNetworks[0].Model.parameters().First();
        var second = cps.TrainedNetworks[1].Model.parameters().First();

        Assert.False(first.equal(second).all().item<bool>());
        Assert.Same(cps.TrainedNetworks[0].Model, cps.EvaluationModel);
        Assert.Equal(new[] { "model", "model2" }, cps.CheckpointedNetworks.Select(n => n.Key));
    }
}
