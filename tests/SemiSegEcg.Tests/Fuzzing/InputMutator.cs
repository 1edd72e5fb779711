using System.Text;

namespace SemiSegEcg.Tests.Fuzzing;

/// <summary>Deterministic mutations of a valid input: byte flips, truncation, splices, and line-level edits for text.</summary>
public sealed class InputMutator(int seed)
{
    private static readonly string[] Tokens =
        ["", "-1", "0", "1e309", "NaN", "-inf", "99999999999999999999", "abc", "[", "]", "{", ":", "- x", "null", "0.5", "\t", "\"", ",", ";", "3/0", "2147483648"];

    private readonly Random _random = new(seed);

    public byte[] Binary(byte[] original)
    {
        var bytes = original.ToArray();
        switch (_random.Next(5))
        {
            case 0:
                return bytes[.._random.Next(bytes.Length)];
            case 1:
                for (int i = 0, n = 1 + _random.Next(8); i < n && bytes.Length > 0; i++) bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
                return bytes;
            case 2:
                for (int i = 0, n = 1 + _random.Next(4); i < n && bytes.Length > 0; i++) bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
                return bytes;
            case 3:
                int at = _random.Next(bytes.Length + 1);
                var junk = new byte[1 + _random.Next(64)];
                _random.NextBytes(junk);
                return [.. bytes[..at], .. junk, .. bytes[at..]];
            default:
                int start = _random.Next(bytes.Length), count = Math.Min(bytes.Length - start, 1 + _random.Next(64));
                return [.. bytes[..start], .. bytes[(start + count)..]];
        }
    }

    /// <summary>Mutates the header region (the first <paramref name="headerLength"/> bytes) more often than the rest.</summary>
    public byte[] BinaryWithHeader(byte[] original, int headerLength)
    {
        if (_random.Next(2) == 0 || headerLength <= 0) return Binary(original);
        var head = Binary(original[..Math.Min(headerLength, original.Length)]);
        return [.. head, .. original[Math.Min(headerLength, original.Length)..]];
    }

    public string Text(string original)
    {
        var lines = original.Split('\n').ToList();
        int line = _random.Next(lines.Count);
        switch (_random.Next(6))
        {
            case 0: lines.RemoveAt(line); break;
            case 1: lines.Insert(line, lines[_random.Next(lines.Count)]); break;
            case 2: lines[line] = ReplaceToken(lines[line]); break;
            case 3: lines[line] = new string(' ', _random.Next(6)) + lines[line]; break;
            case 4: return original[.._random.Next(original.Length + 1)];
            default: lines[line] = lines[line] + Tokens[_random.Next(Tokens.Length)]; break;
        }
        return string.Join('\n', lines);
    }

    private string ReplaceToken(string line)
    {
        var parts = line.Split(' ', ',', ':', '/', 'x');
        if (parts.Length == 0) return Tokens[_random.Next(Tokens.Length)];
        string victim = parts[_random.Next(parts.Length)];
        if (victim.Length == 0) return line + Tokens[_random.Next(Tokens.Length)];
        int index = line.IndexOf(victim, StringComparison.Ordinal);
        return new StringBuilder(line).Remove(index, victim.Length).Insert(index, Tokens[_random.Next(Tokens.Length)]).ToString();
    }
}
