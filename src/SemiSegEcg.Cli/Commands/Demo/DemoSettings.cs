using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Demo;

public sealed class DemoSettings : CommandSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Folder for the demo's data, run, tables and plot (default: demo).")]
    [DefaultValue("demo")]
    public string Out { get; init; } = "demo";

    [CommandOption("--data_root <DIR>")]
    [Description("Prepared data root; if it holds LUDB (semiseg data prepare ludb), the demo uses it. Default: $SEMISEG_DATA.")]
    public string? DataRoot { get; init; }

    [CommandOption("--records <N>")]
    [Description("Synthetic 12-lead records to generate (default 60).")]
    [DefaultValue(60)]
    public int Records { get; init; } = 60;

    [CommandOption("--epochs <N>")]
    [Description("Training epochs (default: the demo config's 3).")]
    public int? Epochs { get; init; }

    [CommandOption("--threads <N>")]
    public int? Threads { get; init; }

    public override ValidationResult Validate() =>
        Records < 5 ? ValidationResult.Error("--records must be at least 5")
        : Epochs is < 1 ? ValidationResult.Error("--epochs must be at least 1")
        : Threads is < 1 ? ValidationResult.Error("--threads must be at least 1")
        : ValidationResult.Success();
}
