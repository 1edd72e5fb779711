using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Prepare;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// The LUDB test subjects (subject = record) of the benchmark split: reproduced from the raw records and the split
/// seed exactly as <c>data prepare ludb</c> draws them, or read from a prepared <c>LUDB_test.csv</c>.
/// </summary>
public static class LudbTestRecords
{
    public static IReadOnlyList<string> Reproduce(string rawDir, long seed) =>
        SubjectSplitter.Split(RawRecordList.Find(rawDir, "LUDB"), seed).Test;

    public static IReadOnlyList<string> FromIndex(string testIndexCsv) =>
        IndexCsv.Read(testIndexCsv).Select(e => e.SubjectId).Distinct(StringComparer.Ordinal).ToList();
}
