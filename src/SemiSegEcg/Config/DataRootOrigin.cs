namespace SemiSegEcg.Config;

/// <summary>Where the data root used to resolve relative dataset paths came from.</summary>
public enum DataRootOrigin
{
    /// <summary>No data root: each relative path is resolved against the folder of the config file that set it.</summary>
    None,
    /// <summary><c>--data_root</c> (or <c>--set data_root=…</c>); a relative root is resolved against the current directory.</summary>
    CommandLine,
    /// <summary>The <c>data_root</c> key of a config file; a relative root is resolved against that file's folder.</summary>
    ConfigFile,
    /// <summary>The <c>SEMISEG_DATA</c> environment variable; a relative root is resolved against the current directory.</summary>
    Environment,
}
