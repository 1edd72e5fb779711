namespace SemiSegEcg.Experiments.Sweep;

/// <summary>How to start <c>semiseg</c> as a child process: the file to run and the arguments before the command.</summary>
/// <param name="PrefixArguments">The CLI's <c>semiseg.dll</c> when it runs under the <c>dotnet</c> host, else empty.</param>
public sealed record SemisegExecutable(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>
    /// Works out how this process can start another <c>semiseg</c>: the process itself when it is the <c>semiseg</c>
    /// app host (or a published single file); <c>dotnet semiseg.dll</c> when it runs under the dotnet host
    /// (<c>dotnet run</c>, <c>dotnet semiseg.dll</c>); otherwise (e.g. inside a test host) the dotnet host found via
    /// <paramref name="dotnetHostPath"/> (<c>DOTNET_HOST_PATH</c>) or <c>dotnet</c> on the PATH, running the CLI assembly.
    /// </summary>
    /// <param name="processPath"><see cref="Environment.ProcessPath"/>.</param>
    /// <param name="cliAssemblyPath">Location of the CLI assembly (<c>semiseg.dll</c>); empty in a single-file app.</param>
    /// <param name="dotnetHostPath">The <c>DOTNET_HOST_PATH</c> environment variable, or null.</param>
    public static SemisegExecutable Resolve(string? processPath, string? cliAssemblyPath, string? dotnetHostPath)
    {
        string processName = Path.GetFileNameWithoutExtension(processPath ?? "");
        if (!string.IsNullOrEmpty(processPath) && processName.Equals(CliName, StringComparison.OrdinalIgnoreCase))
            return new SemisegExecutable(processPath, []);
        if (string.IsNullOrEmpty(cliAssemblyPath))
            throw new InvalidOperationException($"cannot tell how to start {CliName}: this process is '{processPath}' and the CLI assembly has no file location");
        if (!string.IsNullOrEmpty(processPath) && processName.Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return new SemisegExecutable(processPath, [cliAssemblyPath]);
        return new SemisegExecutable(string.IsNullOrEmpty(dotnetHostPath) ? "dotnet" : dotnetHostPath, [cliAssemblyPath]);
    }

    /// <summary>The full argument list: <see cref="PrefixArguments"/> then <paramref name="arguments"/>.</summary>
    public IReadOnlyList<string> With(IEnumerable<string> arguments) => [.. PrefixArguments, .. arguments];

    /// <summary>The executable and its prefix as one shell word sequence (for scripts and dry runs).</summary>
    public string ToShell() => SweepCommandLine.ShellJoin([FileName, .. PrefixArguments]);

    private const string CliName = "semiseg";
}
