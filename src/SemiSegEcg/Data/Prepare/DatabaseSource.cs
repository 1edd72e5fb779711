namespace SemiSegEcg.Data.Prepare;

/// <summary>Where a database's samples come from, which decides the inputs <c>semiseg data prepare</c> asks for.</summary>
public enum DatabaseSource
{
    /// <summary>One raw download folder (or archive): <c>--raw</c>.</summary>
    RawFolder,

    /// <summary>A signal folder and a separate label folder: <c>--signals</c>, <c>--labels</c>, <c>--raw-signals</c>.</summary>
    SignalsAndLabels,

    /// <summary>Generated, no download: <c>--records</c>.</summary>
    Generated,
}
