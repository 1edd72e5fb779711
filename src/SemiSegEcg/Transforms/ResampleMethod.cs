namespace SemiSegEcg.Transforms;

/// <summary>How <see cref="Resample"/> resamples the signal (config <c>method</c>).</summary>
public enum ResampleMethod
{
    /// <summary>scipy <c>signal.resample</c>: spectrum truncation / zero padding (<c>fourier</c>).</summary>
    Fourier,

    /// <summary>scipy <c>interp1d</c> of the given kind on <c>linspace(0, T−1, new_len)</c> (<c>interp</c>).</summary>
    Interp,
}
