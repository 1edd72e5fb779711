namespace SemiSegEcg.Cli;

public static class DisplayPath
{
    /// <summary>Paths under the working directory are shown relative to it, as the user would type them.</summary>
    public static string AsTyped(string path)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
