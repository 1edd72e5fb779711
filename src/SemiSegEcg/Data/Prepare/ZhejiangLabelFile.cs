using System.Globalization;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Reads one Zhejiang delineation file (Jiménez-Pérez et al.): headerless lines
/// <c>&lt;HospitalID&gt;###&lt;LEAD&gt;,on,off,on,off,…</c> in 2000-Hz sample indices of the denoised signal.
/// <para>Tolerated: whitespace and quotes around fields, blank lines, empty fields (the padding of ragged lines, or an
/// empty pair) and <c>nan</c>, which are skipped, and integral decimals such as <c>120.0</c>.
/// A line whose values do not pair up (odd count) or whose pair has onset &gt; offset is kept with a
/// <see cref="ZhejiangLabelLine.Problem"/>, so the caller can leave that lead out and say why.
/// A key without <c>###</c>, an unknown lead, a value that is not a number, or the same key twice is an
/// <see cref="InvalidDataException"/> naming the file, line and field.</para>
/// </summary>
public static class ZhejiangLabelFile
{
    public const string KeySeparator = "###";

    /// <param name="classId">Class of every wave in the file (1 P, 2 QRS, 3 T).</param>
    public static IReadOnlyDictionary<(string HospitalId, string Lead), ZhejiangLabelLine> Read(string path, byte classId)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Zhejiang: label file '{path}' not found", path);
        var lines = new Dictionary<(string, string), ZhejiangLabelLine>();
        int number = 0;
        foreach (string text in File.ReadLines(path))
        {
            number++;
            string[] fields = text.Split(',').Select(f => f.Trim().Trim('"', '\'').Trim()).ToArray();
            if (fields.All(f => f.Length == 0)) continue;
            string source = $"{path} line {number}";
            var line = Parse(fields, classId, source);
            var key = (line.HospitalId, line.Lead);
            if (lines.TryGetValue(key, out var first))
                throw new InvalidDataException($"{source}: field 'key' '{fields[0]}' repeats {first.Source}");
            lines[key] = line;
        }
        return lines;
    }

    private static ZhejiangLabelLine Parse(string[] fields, byte classId, string source)
    {
        string key = fields[0];
        int at = key.IndexOf(KeySeparator, StringComparison.Ordinal);
        if (at < 0)
            throw new InvalidDataException($"{source}: field 'key' is '{key}', expected '<HospitalID>{KeySeparator}<LEAD>'");
        string id = key[..at].Trim();
        string leadText = key[(at + KeySeparator.Length)..].Trim();
        if (id.Length == 0) throw new InvalidDataException($"{source}: field 'key' is '{key}': the HospitalID before '{KeySeparator}' is empty");
        string lead = ZhejiangLeads.Canonical(leadText)
            ?? throw new InvalidDataException($"{source}: field 'key' is '{key}': '{leadText}' is not one of the 12 leads ({string.Join(", ", ZhejiangLeads.ColumnOrder)})");

        var values = new List<long>();
        for (int f = 1; f < fields.Length; f++)
        {
            string v = fields[f];
            if (v.Length == 0 || v.Equals("nan", StringComparison.OrdinalIgnoreCase)) continue;
            values.Add(ParseIndex(v, source, f + 1));
        }
        if (values.Count % 2 != 0)
            return new ZhejiangLabelLine(id, lead, source, [], $"odd number of values ({values.Count}): onsets and offsets do not pair up");
        var waves = new List<WaveSpan>(values.Count / 2);
        for (int i = 0; i < values.Count; i += 2)
        {
            if (values[i] > values[i + 1])
                return new ZhejiangLabelLine(id, lead, source, [],
                    $"pair {i / 2 + 1} ({values[i]}, {values[i + 1]}) has its onset after its offset");
            waves.Add(new WaveSpan(classId, values[i], null, values[i + 1]));
        }
        return new ZhejiangLabelLine(id, lead, source, waves, null);
    }

    private static long ParseIndex(string text, string source, int field)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)) return value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) &&
            double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e15)
            return (long)d;
        throw new InvalidDataException($"{source}: field {field} is '{text}', expected a sample index");
    }
}
