namespace SemiSegEcg.Transforms;

/// <summary>Element type a <see cref="ToTensor"/> marker asks the batcher for (config <c>dtype</c>).</summary>
public enum TensorDtype
{
    /// <summary><c>float</c> → float32.</summary>
    Float32,

    /// <summary><c>double</c> → float64.</summary>
    Float64,

    /// <summary><c>int</c> → int32.</summary>
    Int32,

    /// <summary><c>long</c> → int64.</summary>
    Int64,
}
