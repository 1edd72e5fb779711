namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// A pickle named a Python global (function or class) that is not on the reader's allow-list, e.g. <c>posix.system</c>.
/// Thrown while the global is being resolved, before any object is built, so nothing described by the file runs.
/// A separate type from <see cref="InvalidDataException"/> (which is sealed) so callers can tell a refused,
/// possibly malicious file from a merely corrupt one.
/// </summary>
public sealed class PickleSecurityException : Exception
{
    public PickleSecurityException(string sourcePath, string globalName, string message)
        : base(message)
    {
        SourcePath = sourcePath;
        GlobalName = globalName;
    }

    /// <summary>The file (or in-memory source name) that contained the refused global.</summary>
    public string SourcePath { get; }

    /// <summary>The refused global as <c>module.name</c>, e.g. <c>posix.system</c>.</summary>
    public string GlobalName { get; }
}
