using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Packaging;

/// <summary>
/// <c>dotnet pack</c> of the library gives a package that works in somebody else's project: packed from this build,
/// restored from a local feed into a new console project that picks its own libtorch natives, built, and run — on
/// this machine's libstdc++, which lacks GLIBCXX_3.4.32, so running at all shows the packed fix took effect.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class PackageConsumerTests : IDisposable
{
    private readonly TempDirectory _tmp = new("package-consumer");
    // A version of its own per run, so a package restored by an earlier run is never taken from NuGet's cache.
    private readonly string _version = $"0.0.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public void Dispose()
    {
        _tmp.Dispose();
        string cached = Path.Combine(NuGetPackagesFolder(), "semisegecg", _version);
        if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
    }

    private static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Release or Debug: the configuration these tests (and so the library beside them) were built in.</summary>
    private static string BuildConfiguration() =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static (int Code, string Output) Dotnet(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        // The consumer must not see this repository's build settings through inherited MSBuild variables.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>The version this repository pins for <paramref name="package"/> (Directory.Packages.props).</summary>
    private static string PinnedVersion(string package) =>
        (string)XDocument.Load(Path.Combine(SharedData.RepoRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == package).Attribute("Version")!;

    private string Pack()
    {
        string feed = _tmp.File("feed");
        var (code, output) = Dotnet(SharedData.RepoRoot, "pack", Path.Combine("src", "SemiSegEcg", "SemiSegEcg.csproj"),
            "-c", BuildConfiguration(), "--no-build", "-o", feed, $"-p:Version={_version}");
        Assert.True(code == 0, output);
        return Path.Combine(feed, $"SemiSegEcg.{_version}.nupkg");
    }

    [SkippableFact]
    public void Should_Pack_A_Library_That_Depends_On_TorchSharp_Alone_And_Carries_Its_Docs_And_Build_Fix()
    {
        string package = Pack();

        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("lib/net10.0/SemiSegEcg.dll", entries);
        Assert.Contains("lib/net10.0/SemiSegEcg.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("buildTransitive/SemiSegEcg.targets", entries);

        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var xml = XDocument.Load(nuspec);
        var dependencies = xml.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string)e.Attribute("id")!).ToList();
        Assert.Contains("TorchSharp", dependencies);
        Assert.DoesNotContain(dependencies, id => id.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Spectre", StringComparison.OrdinalIgnoreCase));
        string description = xml.Descendants().Single(e => e.Name.LocalName == "description").Value;
        Assert.Contains("libtorch", description, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Should_Build_And_Run_A_Consumer_Project_Against_The_Package()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture
            == System.Runtime.InteropServices.Architecture.X64, "the consumer picks the linux-x64 libtorch natives");
        // Given: the package in a local feed (the only source: everything else comes from the NuGet cache this
        // repository's own restore filled, so the test needs no network), and a console project outside this repository that references it and
        // the CPU libtorch natives, and runs the README's C# example and delineates a synthetic recording with the original's
        // ResNet-18 + FCN weights
        string package = Pack();
        string consumer = _tmp.File("consumer");
        Directory.CreateDirectory(consumer);
        string libtorch = PinnedVersion("libtorch-cpu-linux-x64");
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Path.GetDirectoryName(package)}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SemiSegEcg" Version="{_version}" />
                <PackageReference Include="libtorch-cpu-linux-x64" Version="{libtorch}" />
              </ItemGroup>
            </Project>
            """);
        // The README's C# example, as written, delineates a real LUDB record with the model bundled in the package; the
        // record's path is the only substitution (README.md reads it from ../shared/data beside the clone).
        string readmeExample = ReadmeCSharpExample().Replace("\"../shared/data/ludb/1\"", $"@\"{Path.Combine(SharedData.LudbRecords, "1")}\"", StringComparison.Ordinal);
        Assert.Contains(SharedData.LudbRecords, readmeExample, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), readmeExample + """

            using var trained = TrainedModel.Load(args[0], args[1]);
            var delineator = trained.CreateDelineator();
            double[] lead = Enumerable.Range(0, 5000).Select(i => Math.Sin(2 * Math.PI * 1.2 * i / 500.0)).ToArray();
            var synthetic = delineator.Delineate(new RecordingInput("synthetic", 500, ["II"], [lead], "synthetic"));
            Console.WriteLine($"leads={synthetic.Leads.Count} samples={synthetic.LengthSamples}");
            """);

        // When
        var build = Dotnet(consumer, "build", "-c", "Release");
        Assert.True(build.Code == 0, build.Output);
        var run = Dotnet(consumer, Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll"),
            Path.Combine(SharedData.BundledRoot, "reference", "resnet18_fcn_state_dict.pt"),
            Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", "scratch.yaml"));

        // Then: LUDB record 1 is delineated by the bundled model, and the synthetic 10-s recording
        // at 500 Hz comes back delineated at its own rate by the original's weights
        Assert.True(run.Code == 0, run.Output);
        Assert.Matches(new System.Text.RegularExpressions.Regex(@"^[1-9]\d* beats, \d+ bpm, PR \d+ ms, QRS \d+ ms, QTc \d+ ms$", System.Text.RegularExpressions.RegexOptions.Multiline), run.Output.ReplaceLineEndings("\n"));
        Assert.Contains("leads=1 samples=5000", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The one <c>csharp</c> block of README.md.</summary>
    private static string ReadmeCSharpExample()
    {
        string[] lines = File.ReadAllLines(Path.Combine(SharedData.RepoRoot, "README.md"));
        var starts = Enumerable.Range(0, lines.Length).Where(i => lines[i].Trim() == "```csharp").ToList();
        Assert.Single(starts);
        int end = Array.FindIndex(lines, starts[0] + 1, l => l.Trim() == "```");
        Assert.True(end > starts[0], "README.md: the csharp block is not closed");
        return string.Join('\n', lines[(starts[0] + 1)..end]) + "\n";
    }
}
