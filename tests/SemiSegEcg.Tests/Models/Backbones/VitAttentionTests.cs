using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Tests.Infrastructure;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Tests.Models.Backbones;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class VitAttentionTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Match_Naive_Softmax_Attention_When_Using_Scaled_Dot_Product_Attention()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(21);
        // ViT-Tiny shapes: batch 2, 3 heads, 101 tokens, head width 64; scaled up so the softmax is far from uniform.
        var q = randn(2, 3, 101, 64) * 2;
        var k = randn(2, 3, 101, 64) * 2;
        var v = randn(2, 3, 101, 64);

        var fast = F.scaled_dot_product_attention(q, k, v);
        var naive = Naive(q, k, v);

        float error = (fast - naive).abs().max().item<float>();
        output.WriteLine($"SDPA vs naive max |Δ| = {error:E3}");
        Assert.True(error < 1e-5f, $"max |Δ| {error}");
    }

    [Fact]
    public void Should_Split_Qkv_Rows_Into_Q_K_V_Then_Heads_And_Project_The_Concatenated_Heads()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(22);
        // Inner width 2 × 24 = 48 differs from the embedding width 32, so any layout slip changes the shapes or values.
        using var attention = new VitAttention(embedDims: 32, numHeads: 2, headDim: 24, qkvBias: true);
        var qkv = (Linear)attention.named_children().Single(c => c.name == "to_qkv").module;
        var proj = (Linear)attention.named_modules().Single(c => c.name == "to_out.0").module;
        var x = randn(3, 11, 32);

        Tensor actual, expected;
        using (no_grad())
        {
            actual = attention.call(x);
            var fused = F.linear(x, qkv.weight!, qkv.bias);
            var parts = fused.chunk(3, dim: -1);
            Tensor Heads(Tensor t) => t.reshape(3, 11, 2, 24).transpose(1, 2);
            var attended = Naive(Heads(parts[0]), Heads(parts[1]), Heads(parts[2]));
            expected = F.linear(attended.transpose(1, 2).reshape(3, 11, 48), proj.weight!, proj.bias);
        }

        float error = (actual - expected).abs().max().item<float>();
        output.WriteLine($"module vs naive max |Δ| = {error:E3}");
        Assert.Equal(new long[] { 3, 11, 32 }, actual.shape);
        Assert.True(error < 1e-5f, $"max |Δ| {error}");
    }

    private static Tensor Naive(Tensor q, Tensor k, Tensor v) =>
        (q.matmul(k.transpose(-2, -1)) / Math.Sqrt(q.shape[^1])).softmax(-1).matmul(v);
}
