namespace SemiSegEcg.Cli;

/// <summary>A command line the CLI refuses before running anything (an option the command does not declare).</summary>
public sealed class CommandLineException(string message) : Exception(message);
