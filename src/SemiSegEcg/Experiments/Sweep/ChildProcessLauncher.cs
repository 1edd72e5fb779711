using System.ComponentModel;
using System.Diagnostics;

namespace SemiSegEcg.Experiments.Sweep;

/// <summary>Runs a real child process with redirected output; cancellation kills its whole process tree.</summary>
public sealed class ChildProcessLauncher : ISweepProcessLauncher
{
    public async Task<int> RunAsync(SweepProcessSpec spec, Action<string> onLine, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(onLine);
        var info = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? "",
        };
        foreach (string argument in spec.Arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in spec.Environment) info.Environment[key] = value;

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new IOException($"cannot start '{spec.FileName}': {e.Message}", e);
        }
        using var registration = cancellation.Register(() => Kill(process));
        var stdout = Pump(process.StandardOutput, onLine);
        var stderr = Pump(process.StandardError, onLine);
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        return process.ExitCode;
    }

    private static async Task Pump(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line) onLine(line);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the check and the kill.
        }
    }
}
