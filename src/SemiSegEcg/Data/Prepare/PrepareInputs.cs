namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// What <c>semiseg data prepare</c> hands a database's factory (<see cref="DatabaseEntry.Create"/>): the source
/// folders, the output folder and the labelling options. Each database reads the inputs its
/// <see cref="DatabaseEntry.Source"/> names; the command refuses the ones it does not read.
/// </summary>
/// <param name="Raw">The raw download (<see cref="DatabaseSource.RawFolder"/>).</param>
/// <param name="Signals">The signal folder (<see cref="DatabaseSource.SignalsAndLabels"/>).</param>
/// <param name="Labels">The label folder (<see cref="DatabaseSource.SignalsAndLabels"/>).</param>
/// <param name="RawSignals">Use the unfiltered signals instead of the denoised ones (<see cref="DatabaseSource.SignalsAndLabels"/>).</param>
/// <param name="Records">How many records to generate (<see cref="DatabaseSource.Generated"/>).</param>
/// <param name="Out">The output folder of the prepared database.</param>
/// <param name="Mask">How waves become masks (labeled databases).</param>
/// <param name="KeepIncomplete">LUDB: keep the lead files with incomplete onset/peak/offset triplets.</param>
public sealed record PrepareInputs(
    string Raw,
    string Signals,
    string Labels,
    bool RawSignals,
    int Records,
    string Out,
    MaskOptions Mask,
    bool KeepIncomplete);
