using System.Globalization;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Brings every prepared signal to millivolts, the unit of LUDB, QTDB and PTB-XL, so that amplitude-based noise
/// augmentations see the same scale whichever database a sample comes from.
/// </summary>
public static class SignalUnits
{
    /// <summary>Factor that turns a value in <paramref name="units"/> into mV (µV → 0.001).</summary>
    /// <param name="source">File and field named in the error, e.g. <c>train_data/1.hea signal 0 ('i')</c>.</param>
    public static double ToMillivolts(string units, string source)
    {
        string u = units.Trim();
        return u switch
        {
            "mV" or "mv" => 1.0,
            "uV" or "µV" or "μV" or "uv" => 0.001,
            "nV" => 1e-6,
            "V" or "v" => 1000.0,
            _ => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: field 'units' is '{units}', expected a voltage unit (mV, uV, µV or V)")),
        };
    }
}
