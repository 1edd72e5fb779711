using System.Globalization;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Reads one Zhejiang signal file (<c>PVCVTECGData/&lt;HospitalID&gt;.csv</c>): 12 numeric columns, one row per
/// sample. A first row of lead names is used as the header (columns matched by name, case-insensitively; a pandas
/// index column — empty or <c>Unnamed: …</c> name — is ignored); without one the columns are taken in the
/// distributed order <see cref="ZhejiangLeads.ColumnOrder"/>. Values are returned as written (µV).
/// </summary>
public static class ZhejiangSignalCsv
{
    /// <returns>Canonical lead name → samples.</returns>
    public static IReadOnlyDictionary<string, double[]> Read(string path)
    {
        int[] columns = [];
        int fieldCount = 0;
        List<double>[] data = ZhejiangLeads.ColumnOrder.Select(_ => new List<double>()).ToArray();
        int number = 0;
        bool first = true;
        foreach (string text in File.ReadLines(path))
        {
            number++;
            if (text.Trim().Length == 0) continue;
            string[] fields = text.Split(',');
            if (first)
            {
                first = false;
                if (fields.Any(f => !IsNumber(f)))
                {
                    (columns, fieldCount) = Header(fields, path);
                    continue;
                }
                (columns, fieldCount) = (Enumerable.Range(0, ZhejiangLeads.ColumnOrder.Length).ToArray(), ZhejiangLeads.ColumnOrder.Length);
            }
            if (fields.Length != fieldCount)
                throw new InvalidDataException($"{path} line {number}: has {fields.Length} fields, expected {fieldCount}");
            for (int lead = 0; lead < columns.Length; lead++)
            {
                string v = fields[columns[lead]].Trim();
                if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                    throw new InvalidDataException($"{path} line {number}: field '{ZhejiangLeads.ColumnOrder[lead]}' is '{v}', expected a number");
                data[lead].Add(value);
            }
        }
        if (data[0].Count == 0) throw new InvalidDataException($"{path}: no samples");
        return Enumerable.Range(0, data.Length).ToDictionary(i => ZhejiangLeads.ColumnOrder[i], i => data[i].ToArray());
    }

    private static bool IsNumber(string field) =>
        double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <returns>For each lead of <see cref="ZhejiangLeads.ColumnOrder"/>, its field index; and the row's field count.</returns>
    private static (int[] Columns, int FieldCount) Header(string[] fields, string path)
    {
        var columns = Enumerable.Repeat(-1, ZhejiangLeads.ColumnOrder.Length).ToArray();
        for (int f = 0; f < fields.Length; f++)
        {
            string name = fields[f].Trim().Trim('"', '\'');
            if (name.Length == 0 || name.StartsWith("Unnamed", StringComparison.Ordinal)) continue;
            string lead = ZhejiangLeads.Canonical(name)
                ?? throw new InvalidDataException($"{path} line 1: header field {f + 1} is '{name}', not one of the 12 leads");
            int index = Array.IndexOf(ZhejiangLeads.ColumnOrder, lead);
            if (columns[index] >= 0) throw new InvalidDataException($"{path} line 1: lead '{lead}' appears twice in the header");
            columns[index] = f;
        }
        int missing = Array.IndexOf(columns, -1);
        if (missing >= 0) throw new InvalidDataException($"{path} line 1: the header has no column '{ZhejiangLeads.ColumnOrder[missing]}'");
        return (columns, fields.Length);
    }
}
