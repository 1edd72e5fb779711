using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Marks where the reference converts to a tensor (docs/reference/original-behaviour.md#preprocessing-transforms <c>ToTensor</c>). Views stay float64 arrays
/// until the batcher builds tensors, so this op leaves the view as it is; <see cref="Dtype"/> tells the batcher the
/// element type.
/// </summary>
public sealed class ToTensor : ISignalTransform
{
    public const string ClassName = "ToTensor";

    public ToTensor(TensorDtype dtype = TensorDtype.Float32)
    {
        Dtype = dtype;
    }

    public TensorDtype Dtype { get; }

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random) => view;

    /// <summary>Parses the config spelling: <c>float</c>, <c>double</c>, <c>int</c> or <c>long</c>.</summary>
    public static TensorDtype ParseDtype(string dtype) => dtype switch
    {
        "float" => TensorDtype.Float32,
        "double" => TensorDtype.Float64,
        "int" => TensorDtype.Int32,
        "long" => TensorDtype.Int64,
        _ => throw new TransformArgumentException(ClassName, "dtype", dtype, "must be one of 'float', 'double', 'int', 'long'"),
    };
}
