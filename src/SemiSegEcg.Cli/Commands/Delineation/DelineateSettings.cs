using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Delineation;

public sealed class DelineateSettings : CommandSettings
{
    [CommandArgument(0, "<INPUT>")]
    [Description("Recordings: WFDB records (.hea or name), EDF/EDF+ files (.edf), a folder or a PhysioNet RECORDS file (every record it lists, one summary table), CSV files (one column per lead; needs --fs) or .npy arrays (needs --fs).")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("-m|--model <RUN_OR_CHECKPOINT>")]
    [Description("A run folder (its best-MeanIoU.ckpt), a .ckpt file, or an original PyTorch .pth with --config (default: the bundled model, see MODEL.md).")]
    public string Model { get; init; } = "";

    [CommandOption("--config <FILE>")]
    [Description("Base config describing the network of a PyTorch .pth model.")]
    public string? Config { get; init; }

    [CommandOption("--leads <NAMES>")]
    [Description("Comma-separated leads to delineate (default: all), e.g. I,II,V5.")]
    public string? Leads { get; init; }

    [CommandOption("--fs <HZ>")]
    [Description("Sampling rate of CSV and .npy inputs (WFDB headers carry their own).")]
    public double? SamplingRateHz { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Output folder (default: delineation).")]
    [DefaultValue("delineation")]
    public string Out { get; init; } = "delineation";

    [CommandOption("--format <FORMATS>")]
    [Description("csv (default), json, wfdb, or a comma-separated combination.")]
    [DefaultValue("csv")]
    public string Format { get; init; } = "csv";

    [CommandOption("--plot")]
    [Description("Also write a PNG per record with the P/QRS/T spans shaded and the intervals.")]
    public bool Plot { get; init; }

    [CommandOption("--reference <ANNOTATOR>")]
    [Description("Score each record against its manual annotation beside it and overlay it in the plot: 'leads' for one file per lead named by the lead (LUDB: 1.i, 1.ii, …), or a WFDB annotator for all leads (q1c, pu, atr: sel100.q1c). Writes <rec>.reference_scores.csv/.json.")]
    public string? Reference { get; init; }

    [CommandOption("--no-consensus")]
    [Description("Skip the lead-consensus track.")]
    public bool NoConsensus { get; init; }

    [CommandOption("--keep-p-waves")]
    [Description("Keep every P wave the model finds, also in recordings without a steady P-before-QRS coupling, where they are usually flutter or fibrillatory waves or paced atrial spikes (see docs/delineation.md).")]
    public bool KeepPWaves { get; init; }

    [CommandOption("--threads <N>")]
    public int? Threads { get; init; }

    public IReadOnlyList<string> Formats => Format.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(f => f.ToLowerInvariant()).Distinct().ToList();

    public IReadOnlyList<string>? LeadList => Leads?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override ValidationResult Validate()
    {
        if (Inputs.Length == 0) return ValidationResult.Error("give at least one input recording");
        if (string.IsNullOrWhiteSpace(Model) && Config is not null) return ValidationResult.Error("--config describes the network of a PyTorch .pth given with --model; without --model the bundled model is used");
        var unknown = Formats.Where(f => f is not ("csv" or "json" or "wfdb")).ToList();
        if (unknown.Count > 0) return ValidationResult.Error($"unknown --format {string.Join(", ", unknown)}; use csv, json and/or wfdb");
        if (SamplingRateHz is <= 0) return ValidationResult.Error("--fs must be positive");
        if (Threads is < 1) return ValidationResult.Error("--threads must be at least 1");
        if (Reference is not null && (Reference.Trim().Length == 0 || Reference.IndexOfAny(['/', '\\', '.']) >= 0))
            return ValidationResult.Error($"--reference '{Reference}' is not an annotator name; use 'leads' or an annotation file's extension such as q1c, pu or atr");
        return ValidationResult.Success();
    }
}
