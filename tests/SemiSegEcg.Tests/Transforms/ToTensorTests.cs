using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class ToTensorTests
{
    [Theory]
    [InlineData("float", TensorDtype.Float32)]
    [InlineData("double", TensorDtype.Float64)]
    [InlineData("int", TensorDtype.Int32)]
    [InlineData("long", TensorDtype.Int64)]
    public void Should_Map_Config_Dtype_And_Leave_The_View_Alone(string dtype, TensorDtype expected)
    {
        var op = new ToTensor(ToTensor.ParseDtype(dtype));
        var view = new EcgView([1.0]);
        Assert.Equal(expected, op.Dtype);
        Assert.Same(view, op.Apply(view, new SeededRandom(0)));
    }
}
