using System.Reflection;

namespace SemiSegEcg.Cli;

/// <summary>
/// What <c>semiseg --version</c> prints: our version and the commit it was built from (the SDK appends the git
/// commit to the informational version), and the TorchSharp and libtorch versions, which decide numerical behaviour.
/// </summary>
public static class VersionInfo
{
    public static string Text
    {
        get
        {
            string informational = typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            string[] parts = informational.Split('+', 2);
            string commit = parts.Length == 2 ? parts[1][..Math.Min(12, parts[1].Length)] : "unknown";
            string torchSharp = typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                ?? typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown";
            return $"semiseg {parts[0]} (commit {commit}) · TorchSharp {torchSharp} · libtorch {TorchSharp.torch.__version__} · .NET {Environment.Version}";
        }
    }
}
