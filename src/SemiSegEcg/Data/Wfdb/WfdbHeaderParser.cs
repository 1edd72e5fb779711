using System.Globalization;

namespace SemiSegEcg.Data.Wfdb;

/// <summary>
/// Parses single-segment WFDB headers (<c>.hea</c>) the way the WFDB library's <c>readheader</c> does, with its defaults:
/// <list type="bullet">
/// <item>sampling frequency 250 Hz; counter frequency and base counter value absent (null); sample count 0 = unknown;</item>
/// <item>gain 0 or absent = uncalibrated, stored as 200; baseline = ADC zero; units mV; ADC resolution per
/// <see cref="WfdbSampleFormat.DefaultAdcResolution"/>; ADC zero 0; initial value = ADC zero; checksum absent; block size 0;
/// description <c>record NAME, signal N</c>;</item>
/// <item>skew is given in samples and converted to frames; samples per frame &lt; 1 becomes 1.</item>
/// </list>
/// Unlike the WFDB library it rejects anything it cannot read exactly: malformed numbers, unknown formats,
/// signals sharing a file with different formats, missing signal lines, and multi-segment headers.
/// </summary>
public static class WfdbHeaderParser
{
    public static WfdbHeader Read(string headerPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(headerPath, System.Text.Encoding.Latin1);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new WfdbFormatException(headerPath, "record", "has no header file (not found)", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WfdbFormatException(headerPath, "record", $"header file cannot be read ({e.Message})", inner: e);
        }
        return Parse(text, headerPath);
    }

    public static WfdbHeader Parse(string text, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\0'))
            throw new WfdbFormatException(sourcePath, "record line", "is missing: the file holds binary data (NUL bytes), not a WFDB header");

        var comments = new List<string>();
        var signals = new List<WfdbSignalSpec>();
        RecordLine? record = null;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNumber = i + 1;
            string line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line)) continue;
            string trimmed = line.TrimStart(' ', '\t');
            if (trimmed[0] == '#')
            {
                comments.Add(trimmed[1..].TrimEnd());
                continue;
            }
            if (record is null)
            {
                record = ParseRecordLine(line, sourcePath, lineNumber);
            }
            else if (signals.Count < record.SignalCount)
            {
                var spec = ParseSignalLine(line, sourcePath, lineNumber, record.Name, signals.Count);
                CheckGroupConsistency(spec, signals, sourcePath, lineNumber);
                signals.Add(spec);
            }
            // Like the WFDB library, lines after the last signal line (other than comments) are ignored.
        }

        if (record is null)
            throw new WfdbFormatException(sourcePath, "record line", "is missing (the file has no line that is not blank or a comment)");
        if (signals.Count < record.SignalCount)
            throw new WfdbFormatException(sourcePath, "signal line",
                $"count is {signals.Count}, but the record line says {record.SignalCount} signals");

        return new WfdbHeader(record.Name, record.SignalCount, record.SamplingFrequencyHz, record.CounterFrequencyHz,
            record.BaseCounterValue, record.SampleCount, record.BaseTime, record.BaseDate, signals, comments, sourcePath);
    }

    private sealed record RecordLine(string Name, int SignalCount, double SamplingFrequencyHz, double? CounterFrequencyHz,
        double? BaseCounterValue, long SampleCount, TimeSpan? BaseTime, DateOnly? BaseDate);

    private static RecordLine ParseRecordLine(string line, string source, int lineNumber)
    {
        var tokens = Tokenize(line);
        string name = tokens[0].Text;
        if (name.Contains('/'))
            throw new WfdbFormatException(source, "record name",
                $"is {WfdbFormatException.Quote(name)}: multi-segment records are not supported (read each segment's own header instead)", lineNumber);
        if (tokens.Count < 2)
            throw new WfdbFormatException(source, "signal count",
                $"is missing: the record line {WfdbFormatException.Quote(line.Trim())} has one field (obsolete or not a WFDB header)", lineNumber);
        int signalCount = ParseInt(tokens[1].Text, "signal count", source, lineNumber, allowSign: false);

        double fs = WfdbHeader.DefaultSamplingFrequencyHz;
        double? counterFrequency = null, baseCounter = null;
        if (tokens.Count > 2)
        {
            string spec = tokens[2].Text;
            int slash = spec.IndexOf('/');
            string fsText = slash < 0 ? spec : spec[..slash];
            fs = ParseDouble(fsText, "sampling frequency", source, lineNumber);
            if (!(fs > 0) || !double.IsFinite(fs))
                throw new WfdbFormatException(source, "sampling frequency", $"is {WfdbFormatException.Quote(fsText)}, expected a positive number", lineNumber);
            if (slash >= 0)
            {
                string rest = spec[(slash + 1)..];
                int open = rest.IndexOf('(');
                string cfText = open < 0 ? rest : rest[..open];
                double cf = ParseDouble(cfText, "counter frequency", source, lineNumber);
                counterFrequency = cf > 0 ? cf : null;
                if (open >= 0)
                {
                    string baseText = rest[(open + 1)..];
                    if (!baseText.EndsWith(')'))
                        throw new WfdbFormatException(source, "base counter value", $"is {WfdbFormatException.Quote(baseText)}, expected '(number)'", lineNumber);
                    baseCounter = ParseDouble(baseText[..^1], "base counter value", source, lineNumber);
                }
            }
        }

        long sampleCount = tokens.Count > 3 ? ParseLong(tokens[3].Text, "sample count", source, lineNumber) : 0;
        TimeSpan? baseTime = tokens.Count > 4 ? ParseBaseTime(tokens[4].Text, source, lineNumber) : null;
        DateOnly? baseDate = tokens.Count > 5 ? ParseBaseDate(tokens[5].Text, source, lineNumber) : null;
        return new RecordLine(name, signalCount, fs, counterFrequency, baseCounter, sampleCount, baseTime, baseDate);
    }

    private static WfdbSignalSpec ParseSignalLine(string line, string source, int lineNumber, string recordName, int index)
    {
        var tokens = Tokenize(line);
        string fileName = tokens[0].Text;
        if (tokens.Count < 2)
            throw new WfdbFormatException(source, "format", $"is missing on the line of signal {index} ({WfdbFormatException.Quote(line.Trim())})", lineNumber);
        var (format, spf, skewSamples, byteOffset) = ParseFormat(tokens[1].Text, source, lineNumber);

        double gain = 0;
        int? baseline = null;
        string units = "mV";
        if (tokens.Count > 2) (gain, baseline, units) = ParseGain(tokens[2].Text, source, lineNumber);

        int adcResolution = tokens.Count > 3 ? ParseInt(tokens[3].Text, "ADC resolution", source, lineNumber, allowSign: false)
            : WfdbSampleFormat.DefaultAdcResolution(format);
        int adcZero = tokens.Count > 4 ? ParseInt(tokens[4].Text, "ADC zero", source, lineNumber) : 0;
        bool hasInitialValue = tokens.Count > 5;
        int initialValue = hasInitialValue ? ParseInt(tokens[5].Text, "initial value", source, lineNumber) : adcZero;
        int? checksum = tokens.Count > 6 ? ParseInt(tokens[6].Text, "checksum", source, lineNumber) : null;
        int blockSize = tokens.Count > 7 ? ParseInt(tokens[7].Text, "block size", source, lineNumber) : 0;
        string description = tokens.Count > 8 ? line[tokens[8].Start..].Trim() : $"record {recordName}, signal {index}";

        bool calibrated = gain != 0;
        int skewFrames = (int)(skewSamples / (double)spf + 0.5);
        return new WfdbSignalSpec(fileName, format, spf, skewFrames, byteOffset, calibrated ? gain : WfdbSignalSpec.DefaultGain,
            baseline ?? adcZero, units, adcResolution, adcZero, initialValue, checksum, blockSize, description,
            IsCalibrated: calibrated, HasInitialValue: hasInitialValue);
    }

    /// <summary><c>format[xspf][:skew][+offset]</c>, modifiers in any order as the WFDB library accepts them.</summary>
    private static (int Format, int Spf, int Skew, long Offset) ParseFormat(string text, string source, int lineNumber)
    {
        int pos = 0;
        while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
        if (pos == 0)
            throw new WfdbFormatException(source, "format", $"is {WfdbFormatException.Quote(text)}, expected format[xspf][:skew][+offset], e.g. 16 or 212x4", lineNumber);
        int format = ParseInt(text[..pos], "format", source, lineNumber, allowSign: false);
        if (WfdbSampleFormat.IsCompressed(format))
            throw new WfdbFormatException(source, "format", $"is {format} (FLAC-compressed), which is not supported; supported: {string.Join(", ", WfdbSampleFormat.Supported)}", lineNumber);
        if (!WfdbSampleFormat.IsSupported(format))
            throw new WfdbFormatException(source, "format", $"is {format}, which is not a WFDB format this reader supports ({string.Join(", ", WfdbSampleFormat.Supported)})", lineNumber);

        int spf = 1, skew = 0;
        long offset = 0;
        while (pos < text.Length)
        {
            char tag = text[pos++];
            int start = pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
            string digits = text[start..pos];
            string field = tag switch { 'x' => "samples per frame", ':' => "skew", '+' => "byte offset", _ => "format" };
            if (field == "format" || digits.Length == 0)
                throw new WfdbFormatException(source, field, $"in {WfdbFormatException.Quote(text)} is malformed, expected format[xspf][:skew][+offset]", lineNumber);
            switch (tag)
            {
                case 'x': spf = Math.Max(1, ParseInt(digits, field, source, lineNumber, allowSign: false)); break;
                case ':': skew = ParseInt(digits, field, source, lineNumber, allowSign: false); break;
                default: offset = ParseLong(digits, field, source, lineNumber); break;
            }
        }
        return (format, spf, skew, offset);
    }

    /// <summary><c>gain[(baseline)][/units]</c>.</summary>
    private static (double Gain, int? Baseline, string Units) ParseGain(string text, string source, int lineNumber)
    {
        int end = text.IndexOfAny(['(', '/']);
        string gainText = end < 0 ? text : text[..end];
        double gain = ParseDouble(gainText, "gain", source, lineNumber);
        if (!double.IsFinite(gain))
            throw new WfdbFormatException(source, "gain", $"is {WfdbFormatException.Quote(gainText)}, expected a finite number", lineNumber);
        int? baseline = null;
        string units = "mV";
        string rest = end < 0 ? "" : text[end..];
        if (rest.StartsWith('('))
        {
            int close = rest.IndexOf(')');
            if (close < 0)
                throw new WfdbFormatException(source, "baseline", $"in {WfdbFormatException.Quote(text)} has no closing ')'", lineNumber);
            baseline = ParseInt(rest[1..close], "baseline", source, lineNumber);
            rest = rest[(close + 1)..];
        }
        if (rest.StartsWith('/'))
        {
            if (rest.Length > 1) units = rest[1..];
        }
        else if (rest.Length > 0)
        {
            throw new WfdbFormatException(source, "gain", $"is {WfdbFormatException.Quote(text)}, expected gain[(baseline)][/units]", lineNumber);
        }
        return (gain, baseline, units);
    }

    private static TimeSpan ParseBaseTime(string text, string source, int lineNumber)
    {
        // [[HH:]MM:]SS[.fff]
        string[] parts = text.Split(':');
        bool ok = parts.Length <= 3;
        double seconds = 0;
        int hours = 0, minutes = 0;
        if (ok)
        {
            ok = double.TryParse(parts[^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds);
            if (parts.Length >= 2) ok &= int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out minutes);
            if (parts.Length == 3) ok &= int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hours);
        }
        if (!ok)
            throw new WfdbFormatException(source, "base time", $"is {WfdbFormatException.Quote(text)}, expected HH:MM:SS", lineNumber);
        return TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);
    }

    private static DateOnly ParseBaseDate(string text, string source, int lineNumber)
    {
        if (!DateOnly.TryParseExact(text, ["d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new WfdbFormatException(source, "base date", $"is {WfdbFormatException.Quote(text)}, expected DD/MM/YYYY", lineNumber);
        return date;
    }

    private static void CheckGroupConsistency(WfdbSignalSpec spec, List<WfdbSignalSpec> previous, string source, int lineNumber)
    {
        if (previous.Count == 0) return;
        var last = previous[^1];
        if (last.FileName != spec.FileName) return;
        if (last.Format != spec.Format)
            throw new WfdbFormatException(source, "format",
                $"is {spec.Format} for signal {previous.Count}, but signal {previous.Count - 1} in the same file {WfdbFormatException.Quote(spec.FileName)} has format {last.Format}", lineNumber);
        if (last.BlockSize != spec.BlockSize)
            throw new WfdbFormatException(source, "block size",
                $"is {spec.BlockSize} for signal {previous.Count}, but signal {previous.Count - 1} in the same file has {last.BlockSize}", lineNumber);
    }

    private readonly record struct Token(string Text, int Start);

    private static List<Token> Tokenize(string line)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t')) i++;
            if (i >= line.Length) break;
            int start = i;
            while (i < line.Length && line[i] != ' ' && line[i] != '\t') i++;
            tokens.Add(new Token(line[start..i], start));
        }
        return tokens;
    }

    private static int ParseInt(string text, string field, string source, int lineNumber, bool allowSign = true)
    {
        var style = allowSign ? NumberStyles.AllowLeadingSign : NumberStyles.None;
        if (!int.TryParse(text, style, CultureInfo.InvariantCulture, out int value))
            throw new WfdbFormatException(source, field,
                $"is {WfdbFormatException.Quote(text)}, expected {(allowSign ? "an integer" : "a non-negative integer")}", lineNumber);
        return value;
    }

    private static long ParseLong(string text, string field, string source, int lineNumber)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            throw new WfdbFormatException(source, field, $"is {WfdbFormatException.Quote(text)}, expected a non-negative integer", lineNumber);
        return value;
    }

    private static double ParseDouble(string text, string field, string source, int lineNumber)
    {
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out double value))
            throw new WfdbFormatException(source, field, $"is {WfdbFormatException.Quote(text)}, expected a number", lineNumber);
        return value;
    }
}
