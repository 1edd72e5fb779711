namespace SemiSegEcg.Signal;

/// <summary>Butterworth band type (scipy <c>btype</c>).</summary>
public enum FilterType
{
    Lowpass,
    Highpass,
}
