using SemiSegEcg.Data.Prepare;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Data;

/// <summary>The <c>semiseg data …</c> commands, registered in one place so tests run exactly what the CLI runs.</summary>
public static class DataCommands
{
    public static void Configure(IConfigurator<CommandSettings> data)
    {
        data.SetDescription("Prepare benchmark databases from their raw downloads, and merge them for the cross-domain setting.");
        data.AddCommand<DataPrepareCommand>("prepare")
            .WithDescription($"Turn a raw database ({DatabaseCatalog.KeysInWords}) into single-lead samples, masks and split indexes.")
            .WithExample("data", "prepare", "ludb", "--raw", "../shared/data/ludb", "--out", "prepared/ludb")
            .WithExample("data", "prepare", "isp", "--raw", "downloads/isp_delineation_dataset.zip", "--out", "prepared/isp")
            .WithExample("data", "prepare", "zhejiang", "--signals", "downloads/zhejiang", "--labels", "downloads/zhejiang-labels", "--out", "prepared/zhejiang");
        data.AddCommand<DataMergeCommand>("merge")
            .WithDescription("Merge prepared databases into the cross-domain setting (labeled, unlabeled, valid and test unions).")
            .WithExample("data", "merge", "--out", "prepared/merged", "prepared/ludb", "prepared/qtdb", "prepared/isp", "prepared/zhejiang", "prepared/ptbxl");
    }
}
