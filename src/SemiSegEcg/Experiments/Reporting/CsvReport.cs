using System.Globalization;
using System.Text;
using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>
/// report.csv in long form: one row per run (<c>kind=run</c>, with its label draw, seed and budget) and one per table cell (<c>kind=mean</c>, with
/// <c>&lt;metric&gt;_sd</c> columns), raw values (mIoU as a fraction, MAE in ms) for every <see cref="MetricCatalog.Reported"/>.
/// </summary>
public static class CsvReport
{
    public static string Render(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var s = new StringBuilder("kind,backbone,algorithm,dataset,ratio,draw,seed,epochs,n,run");
        foreach (var m in MetricCatalog.Reported) s.Append(',').Append(m.Name).Append(',').Append(m.Name).Append("_sd");
        s.Append('\n');
        foreach (var row in table.Rows)
        {
            foreach (var column in table.Columns)
            {
                var runs = table.RunsAt(row, column);
                if (runs.Count == 0) continue;
                foreach (var run in runs)
                {
                    Start(s, "run", row, column, run.Draw.ToString(CultureInfo.InvariantCulture), run.Seed.ToString(CultureInfo.InvariantCulture),
                        run.Epochs.ToString(CultureInfo.InvariantCulture), 1, run.Directory);
                    foreach (var m in MetricCatalog.Reported) s.Append(',').Append(Number(run.Metric(m.Name))).Append(',');
                    s.Append('\n');
                }
                Start(s, "mean", row, column, "", "", runs[0].Epochs.ToString(CultureInfo.InvariantCulture), runs.Count, "");
                foreach (var m in MetricCatalog.Reported)
                {
                    var a = table.Aggregate(row, column, m);
                    s.Append(',').Append(Number(a?.Mean ?? double.NaN)).Append(',').Append(a is null || a.Count < 2 ? "" : Number(a.StandardDeviation));
                }
                s.Append('\n');
            }
        }
        return s.ToString();
    }

    private static void Start(StringBuilder s, string kind, ResultRow row, ResultColumn column, string draw, string seed, string epochs, int n, string run)
    {
        s.Append(kind).Append(',').Append(Field(row.Backbone)).Append(',').Append(Field(row.Algorithm)).Append(',')
            .Append(Field(column.Dataset)).Append(',').Append(column.Ratio is int r ? r.ToString(CultureInfo.InvariantCulture) : "all").Append(',')
            .Append(draw).Append(',').Append(seed).Append(',').Append(epochs).Append(',').Append(n.ToString(CultureInfo.InvariantCulture))
            .Append(',').Append(Field(run));
    }

    private static string Number(double value) => double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
