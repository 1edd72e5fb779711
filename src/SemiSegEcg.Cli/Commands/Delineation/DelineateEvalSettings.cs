using System.ComponentModel;
using SemiSegEcg.Delineation.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Delineation;

public sealed class DelineateEvalSettings : CommandSettings
{
    [CommandOption("-m|--model <RUN_OR_CHECKPOINT>")]
    [Description("A run folder (its best-MeanIoU.ckpt), a .ckpt file, or an original PyTorch .pth with --config (default: the bundled model, see MODEL.md).")]
    public string Model { get; init; } = "";

    [CommandOption("--config <FILE>")]
    [Description("Base config describing the network of a PyTorch .pth model.")]
    public string? Config { get; init; }

    [CommandOption("--ludb <DIR>")]
    [Description("Raw LUDB folder (PhysioNet layout: N.hea, N.dat, one annotation file per lead); scores its test split.")]
    public string? Ludb { get; init; }

    [CommandOption("--qtdb <DIR>")]
    [Description("Raw QTDB folder (selNNN.hea/.dat/.q1c); scores every record's q1c beats.")]
    public string? Qtdb { get; init; }

    [CommandOption("--split-seed <SEED>")]
    [Description("Seed of the LUDB subject split whose test subjects are scored, as 'data prepare ludb --seed' drew it (default 0).")]
    [DefaultValue(0L)]
    public long SplitSeed { get; init; }

    [CommandOption("--test-index <CSV>")]
    [Description("A prepared LUDB_test.csv whose subjects are scored instead of reproducing the split from --split-seed.")]
    public string? TestIndex { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Score only the first N records of each database (a quick look; the published comparison uses all).")]
    public int? Limit { get; init; }

    [CommandOption("--tolerance-ms <MS>")]
    [Description("Matching window: a prediction matches a reference mark within ± this many ms (default 150).")]
    [DefaultValue(FiducialScorer.DefaultToleranceMs)]
    public double ToleranceMs { get; init; } = FiducialScorer.DefaultToleranceMs;

    [CommandOption("--offset-rule <RULE>")]
    [Description("exclusive (default: the ')' sample was background in the training masks) or inclusive; maps predicted offsets to marks.")]
    [DefaultValue("exclusive")]
    public string OffsetRule { get; init; } = "exclusive";

    [CommandOption("--out <DIR>")]
    [Description("Output folder for delineation_scores.csv and delineation_scores.json (default: delineation-eval).")]
    [DefaultValue("delineation-eval")]
    public string Out { get; init; } = "delineation-eval";

    [CommandOption("--keep-p-waves")]
    [Description("Keep every P wave the model finds, also in recordings without a steady P-before-QRS coupling, where they are usually flutter or fibrillatory waves or paced atrial spikes (see docs/delineation.md).")]
    public bool KeepPWaves { get; init; }

    [CommandOption("--threads <N>")]
    public int? Threads { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model) && Config is not null) return ValidationResult.Error("--config describes the network of a PyTorch .pth given with --model; without --model the bundled model is used");
        if (Ludb is null && Qtdb is null) return ValidationResult.Error("give --ludb <DIR> and/or --qtdb <DIR>: the annotated databases to score on");
        if (TestIndex is not null && Ludb is null) return ValidationResult.Error("--test-index selects LUDB test subjects; give --ludb too");
        if (Limit is < 1) return ValidationResult.Error("--limit must be at least 1");
        if (!double.IsFinite(ToleranceMs) || ToleranceMs <= 0) return ValidationResult.Error("--tolerance-ms must be a positive number of ms");
        if (OffsetRule.ToLowerInvariant() is not ("exclusive" or "inclusive")) return ValidationResult.Error($"unknown --offset-rule {OffsetRule}; use exclusive or inclusive");
        if (Threads is < 1) return ValidationResult.Error("--threads must be at least 1");
        return ValidationResult.Success();
    }
}
