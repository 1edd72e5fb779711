namespace SemiSegEcg.Data.Prepare;

/// <summary>Turns one raw database into single-lead samples; <see cref="DatabasePreparation"/> writes them and the splits.</summary>
public interface IDatabasePreparer
{
    /// <summary>Display name, e.g. "LUDB".</summary>
    string Database { get; }

    /// <summary>Index file prefix, e.g. "LUDB" → <c>LUDB_valid.csv</c>.</summary>
    string Prefix { get; }

    /// <summary>False for unlabeled pools (PTB-XL): only an unlabeled index is written.</summary>
    bool IsLabeled { get; }

    /// <summary>The options that shaped the output, recorded in <c>summary.json</c>.</summary>
    IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>Number of source records, for progress reporting.</summary>
    int RecordCount { get; }

    /// <summary>Streams samples record by record; anything left out is added to <paramref name="dropped"/>.</summary>
    IEnumerable<PreparedSample> ReadSamples(ICollection<DroppedItem> dropped, IProgress<int>? recordsDone = null);

    /// <summary>The subject split; most databases use 60/20/20 (<see cref="SubjectSplitter.Split"/>).</summary>
    SubjectSplit Split(IReadOnlyCollection<SampleInfo> samples, long seed);
}
