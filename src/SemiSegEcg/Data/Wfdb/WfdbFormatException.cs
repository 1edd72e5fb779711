namespace SemiSegEcg.Data.Wfdb;

/// <summary>
/// A WFDB file (header, signal or annotation file) that cannot be read as the header says.
/// The message always names the file and the field, e.g. <c>ludb/1.hea line 3: field 'gain' is 'abc', expected a number</c>.
/// </summary>
/// <remarks>
/// Derives from <see cref="IOException"/> because <see cref="InvalidDataException"/> is sealed; catch
/// <see cref="IOException"/> (or this type) to handle both unreadable and malformed WFDB files.
/// </remarks>
public sealed class WfdbFormatException : IOException
{
    public WfdbFormatException(string filePath, string field, string detail, int? lineNumber = null, Exception? inner = null)
        : base(Compose(filePath, field, detail, lineNumber), inner)
    {
        FilePath = filePath;
        Field = field;
        LineNumber = lineNumber;
    }

    /// <summary>The file whose content (or absence) is wrong.</summary>
    public string FilePath { get; }

    /// <summary>The WFDB field that is wrong, e.g. <c>gain</c>, <c>format</c>, <c>sample count</c>, <c>AUX</c>.</summary>
    public string Field { get; }

    /// <summary>1-based header line, when the problem is on one line of a text file.</summary>
    public int? LineNumber { get; }

    private static string Compose(string filePath, string field, string detail, int? lineNumber) =>
        lineNumber is { } line
            ? $"{filePath} line {line}: field '{field}' {detail}"
            : $"{filePath}: field '{field}' {detail}";

    /// <summary>Quotes a value from a file for an error message: short and free of control characters.</summary>
    internal static string Quote(string value)
    {
        const int maxLength = 40;
        var chars = value.Length > maxLength ? value[..maxLength].ToCharArray() : value.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]) || chars[i] == '\uFFFD') chars[i] = '?';
        }
        string text = new(chars);
        return value.Length > maxLength ? $"'{text}…'" : $"'{text}'";
    }
}
