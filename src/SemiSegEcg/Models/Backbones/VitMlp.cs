using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>Transformer feed-forward: Linear(embed → hidden) → exact (erf) GELU → Linear(hidden → embed). Keys: <c>fc1.*</c>, <c>fc2.*</c>.</summary>
public sealed class VitMlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly GELU act;
    private readonly Linear fc2;

    public VitMlp(int embedDims, int hiddenDims) : base(nameof(VitMlp))
    {
        fc1 = nn.Linear(embedDims, hiddenDims);
        act = nn.GELU();
        fc2 = nn.Linear(hiddenDims, embedDims);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return fc2.call(act.call(fc1.call(input))).MoveToOuterDisposeScope();
    }
}
