using System.ComponentModel;
using SemiSegEcg.Data.Prepare;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Data;

public sealed class DataPrepareSettings : CommandSettings
{
    [CommandArgument(0, "<database>")]
    [Description("Database key, one of those listed above (synthetic is generated, no download).")]
    public string Database { get; init; } = "";

    [CommandOption("--raw <DIR>")]
    [Description("Folder of the raw download (WFDB files); for isp the unzipped folder or isp_delineation_dataset.zip itself.")]
    public string Raw { get; init; } = "";

    [CommandOption("--signals <DIR>")]
    [Description("zhejiang: folder holding PVCVTECGData/ (denoised signals, the default) and PVCVTRawECGData/.")]
    public string Signals { get; init; } = "";

    [CommandOption("--labels <DIR>")]
    [Description("zhejiang: folder holding the delineation files P.csv, QRS.csv and T.csv.")]
    public string Labels { get; init; } = "";

    [CommandOption("--raw-signals")]
    [Description("zhejiang: use the unfiltered PVCVTRawECGData instead of the denoised PVCVTECGData (the labels keep the denoised timing).")]
    public bool RawSignals { get; init; }

    [CommandOption("--records <N>")]
    [Description("synthetic: number of 12-lead 10-s records to generate (default 200).")]
    [DefaultValue(200)]
    public int Records { get; init; } = 200;

    [CommandOption("--out <DIR>")]
    [Description("Output folder of the prepared database (e.g. prepared/ludb).")]
    public string Out { get; init; } = "";

    [CommandOption("--seed <N>")]
    [Description("Seed of the subject split (default 0).")]
    [DefaultValue(0L)]
    public long Seed { get; init; }

    [CommandOption("--label-draws <N>")]
    [Description("Independent draws of the labeled subsets of the same training subjects (default 1). Draw 0 is the usual files; draw k ≥ 1 is written as <PREFIX>_train_labeled_1over<r>_draw<k>.csv. For measuring how much the choice of labeled subjects moves a result (semiseg sweep --draws).")]
    [DefaultValue(1)]
    public int LabelDraws { get; init; } = 1;

    [CommandOption("--tiny")]
    [Description("Also write TINY_train_labeled.csv, TINY_train_unlabeled.csv, TINY_valid.csv and TINY_test.csv: the first 16 samples of the smallest labeled subset holding 16 and of each split, for smoke tests (docs/sweep-and-report.md, section A smoke test).")]
    public bool Tiny { get; init; }

    [CommandOption("--offset-rule <RULE>")]
    [Description("exclusive (default: label[[onset:offset]], like the original's files) or inclusive (offset sample belongs to the wave).")]
    [DefaultValue(OffsetRule.Exclusive)]
    public OffsetRule OffsetRule { get; init; } = OffsetRule.Exclusive;

    [CommandOption("--unannotated <POLICY>")]
    [Description("background (default, as the original) or ignore: samples before the first and after the last mark, and zero-padded samples (isp, zhejiang), become 255 and are excluded from loss and metrics.")]
    [DefaultValue(UnannotatedPolicy.Background)]
    public UnannotatedPolicy Unannotated { get; init; } = UnannotatedPolicy.Background;

    [CommandOption("--unannotated-signal <MODE>")]
    [Description("LUDB: edge (default: the signal before the first onset and after the last offset is held at those values, as in the original's released files) or keep (the recorded signal).")]
    [DefaultValue(UnannotatedSignal.Edge)]
    public UnannotatedSignal UnannotatedSignal { get; init; } = UnannotatedSignal.Edge;

    [CommandOption("--missing-onset <RULE>")]
    [Description("QTDB T waves without an annotated onset: afterprevious (default, start after the QRS offset) or ignore (255 up to the T peak).")]
    [DefaultValue(MissingOnsetRule.AfterPrevious)]
    public MissingOnsetRule MissingOnset { get; init; } = MissingOnsetRule.AfterPrevious;

    [CommandOption("--keep-incomplete")]
    [Description("LUDB: keep the 31 lead files with incomplete onset/peak/offset triplets (painting only complete waves).")]
    public bool KeepIncomplete { get; init; }

    /// <summary>The catalog's entry of <see cref="Database"/> (its key or an alias, e.g. ptb-xl), or null when unknown.</summary>
    public DatabaseEntry? Entry => DatabaseCatalog.Find(Database);

    public override ValidationResult Validate()
    {
        if (Entry is not { } entry)
            return ValidationResult.Error($"unknown database '{Database}'; expected {DatabaseCatalog.KeysInWords}");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out <DIR> is required");
        if (LabelDraws < 1) return ValidationResult.Error($"--label-draws must be at least 1, got {LabelDraws}");
        if (LabelDraws > 1 && !entry.IsLabeled) return ValidationResult.Error($"--label-draws: {entry.Key} has no labels, so it has no labeled subsets to draw");
        if (Tiny && !entry.IsLabeled) return ValidationResult.Error($"--tiny: {entry.Key} has no labels, so it has no labeled splits to cut");
        return entry.Source switch
        {
            DatabaseSource.Generated => Records < 5 ? ValidationResult.Error("--records must be at least 5") : ValidationResult.Success(),
            DatabaseSource.SignalsAndLabels => ValidateSignalsAndLabels(entry),
            DatabaseSource.RawFolder => ValidateRawFolder(),
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Source, $"{entry.Key}: no checks for this source of samples"),
        };
    }

    private ValidationResult ValidateSignalsAndLabels(DatabaseEntry entry)
    {
        if (string.IsNullOrWhiteSpace(Signals)) return ValidationResult.Error($"{entry.Key} needs --signals <DIR> (the folder holding PVCVTECGData/)");
        if (string.IsNullOrWhiteSpace(Labels)) return ValidationResult.Error($"{entry.Key} needs --labels <DIR> (the folder holding P.csv, QRS.csv, T.csv)");
        if (!string.IsNullOrWhiteSpace(Raw)) return ValidationResult.Error($"{entry.Key} takes --signals and --labels, not --raw");
        return ValidationResult.Success();
    }

    private ValidationResult ValidateRawFolder()
    {
        if (string.IsNullOrWhiteSpace(Raw)) return ValidationResult.Error("--raw <DIR> is required");
        if (!string.IsNullOrWhiteSpace(Signals) || !string.IsNullOrWhiteSpace(Labels) || RawSignals)
        {
            var readers = DatabaseCatalog.All.Where(e => e.Source == DatabaseSource.SignalsAndLabels).Select(e => e.Key);
            return ValidationResult.Error($"--signals, --labels and --raw-signals are for {string.Join(", ", readers)} only");
        }
        return ValidationResult.Success();
    }
}
