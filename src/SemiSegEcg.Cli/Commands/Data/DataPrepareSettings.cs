using System.ComponentModel;
using SemiSegEcg.Data.Prepare;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Data;

public sealed class DataPrepareSettings : CommandSettings
{
    [CommandArgument(0, "<database>")]
    [Description("ludb, qtdb or ptbxl")]
    public string Database { get; init; } = "";

    [CommandOption("--raw <DIR>")]
    [Description("Folder of the raw download (WFDB files).")]
    public string Raw { get; init; } = "";

    [CommandOption("--out <DIR>")]
    [Description("Output folder of the prepared database (e.g. prepared/ludb).")]
    public string Out { get; init; } = "";

    [CommandOption("--seed <N>")]
    [Description("Seed of the subject split (default 0).")]
    [DefaultValue(0L)]
    public long Seed { get; init; }

    [CommandOption("--offset-rule <RULE>")]
    [Description("exclusive (default: label[onset:offset], like the original's files) or inclusive (offset sample belongs to the wave).")]
    [DefaultValue(OffsetRule.Exclusive)]
    public OffsetRule OffsetRule { get; init; } = OffsetRule.Exclusive;

    [CommandOption("--unannotated <POLICY>")]
    [Description("background (default, as the original) or ignore: samples before the first and after the last mark become 255 and are excluded from loss and metrics.")]
    [DefaultValue(UnannotatedPolicy.Background)]
    public UnannotatedPolicy Unannotated { get; init; } = UnannotatedPolicy.Background;

    [CommandOption("--missing-onset <RULE>")]
    [Description("QTDB T waves without an annotated onset: afterprevious (default, start after the QRS offset) or ignore (255 up to the T peak).")]
    [DefaultValue(MissingOnsetRule.AfterPrevious)]
    public MissingOnsetRule MissingOnset { get; init; } = MissingOnsetRule.AfterPrevious;

    [CommandOption("--keep-incomplete")]
    [Description("LUDB: keep the 31 lead files with incomplete onset/peak/offset triplets (painting only complete waves).")]
    public bool KeepIncomplete { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Raw)) return ValidationResult.Error("--raw <DIR> is required");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out <DIR> is required");
        if (Database.ToLowerInvariant() is not ("ludb" or "qtdb" or "ptbxl" or "ptb-xl"))
            return ValidationResult.Error($"unknown database '{Database}'; expected ludb, qtdb or ptbxl");
        return ValidationResult.Success();
    }
}
