using System.Globalization;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Parses the ISP CSVs' <c>target</c> field: the text of a Python list of <c>(class, onset, offset)</c> tuples,
/// e.g. <c>[(0, 120, 210), (1, 250, 330)]</c>, class 0 = P, 1 = QRS, 2 = T, in sample indices.
/// Tolerated: any whitespace, an empty list, a trailing comma, square brackets instead of parentheses, numbers
/// wrapped in a call such as <c>np.int64(120)</c>, and integral decimals such as <c>120.0</c>. Anything else is an
/// <see cref="InvalidDataException"/> that names the source, the field and the position.
/// </summary>
public static class IspTargetParser
{
    public const string Field = "target";

    /// <param name="source">Where the text came from, e.g. <c>train_isp_delineation_data.csv line 7</c>.</param>
    /// <returns>Waves in the order written, class mapped to 1 P, 2 QRS, 3 T; onset and offset as written.</returns>
    public static IReadOnlyList<WaveSpan> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Reader(text, source).ReadList();
    }

    private sealed class Reader(string text, string source)
    {
        private int _at;

        public List<WaveSpan> ReadList()
        {
            var waves = new List<WaveSpan>();
            SkipSpace();
            if (_at == text.Length) throw Error("is empty, expected a list such as [(0, 120, 210)]");
            Expect('[');
            SkipSpace();
            while (Peek() != ']')
            {
                waves.Add(ReadTuple());
                SkipSpace();
                if (Peek() == ',') { _at++; SkipSpace(); }
                else if (Peek() != ']') throw Error("expected ',' or ']' after a tuple");
            }
            _at++;
            SkipSpace();
            if (_at != text.Length) throw Error("has text after the closing ']'");
            return waves;
        }

        private WaveSpan ReadTuple()
        {
            char open = Peek();
            if (open is not ('(' or '[')) throw Error("expected '(' to start a (class, onset, offset) tuple");
            char close = open == '(' ? ')' : ']';
            int start = _at++;
            var values = new List<long>(3);
            SkipSpace();
            while (Peek() != close)
            {
                values.Add(ReadNumber());
                SkipSpace();
                if (Peek() == ',') { _at++; SkipSpace(); }
                else if (Peek() != close) throw Error($"expected ',' or '{close}' in a tuple");
            }
            _at++;
            string tuple = text[start.._at];
            if (values.Count != 3)
                throw Error($"tuple '{tuple}' has {values.Count} values, expected 3 (class, onset, offset)");
            byte classId = values[0] switch
            {
                0 => WaveLabels.P,
                1 => WaveLabels.Qrs,
                2 => WaveLabels.T,
                _ => throw Error($"tuple '{tuple}' has class {values[0]}, expected 0 (P), 1 (QRS) or 2 (T)"),
            };
            return new WaveSpan(classId, values[1], null, values[2]);
        }

        /// <summary>An integer, an integral decimal, or either wrapped in a call like <c>np.int64(…)</c>.</summary>
        private long ReadNumber()
        {
            SkipSpace();
            if (char.IsLetter(Peek()) || Peek() == '_')
            {
                while (char.IsLetterOrDigit(Peek()) || Peek() is '_' or '.') _at++;
                SkipSpace();
                Expect('(');
                long wrapped = ReadNumber();
                SkipSpace();
                Expect(')');
                return wrapped;
            }
            int start = _at;
            if (Peek() is '-' or '+') _at++;
            while (char.IsDigit(Peek()) || Peek() is '.' or 'e' or 'E' || (Peek() is '-' or '+' && text[_at - 1] is 'e' or 'E')) _at++;
            string token = text[start.._at];
            if (token.Length == 0) throw Error("expected a number");
            if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)) return value;
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) &&
                double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e15)
                return (long)d;
            throw Error($"'{token}' is not a whole sample index");
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c) throw Error(_at < text.Length ? $"expected '{c}'" : $"ends early, expected '{c}'");
            _at++;
        }

        private void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }

        private InvalidDataException Error(string problem)
        {
            const int context = 24;
            int from = Math.Max(0, _at - context);
            int to = Math.Min(text.Length, _at + context);
            string near = (from > 0 ? "…" : "") + text[from..to] + (to < text.Length ? "…" : "");
            return new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: field '{Field}' {problem} (at character {_at} near '{near}')"));
        }
    }
}
