namespace ProducerConsumer.Cli.Settings;

/// <summary>
/// Finds HOCON syntax errors that Akka's parser (Akka 1.5.75) accepts without a word: an unclosed or extra brace
/// or bracket, an unterminated string, or a character that HOCON allows only inside quotes. It also rejects
/// optional substitutions (<c>${?path}</c>) and triple-quoted strings, which settings files do not need. Akka's
/// parser silently drops every line after an extra <c>}</c>, and it never returns on some of these inputs (for
/// example <c>a = [&amp;]</c> or any <c>${?path}</c>), so a file must pass this check before it is parsed.
/// </summary>
/// <remarks>
/// This is a lexical scan, not a parser: it skips comments and quoted strings, tracks the open braces and brackets,
/// and rejects characters that the HOCON specification forbids in unquoted text. Everything it accepts still goes
/// through Akka's parser.
/// </remarks>
internal static class HoconSyntaxCheck
{
    /// <summary>Characters that HOCON allows only inside quoted strings, wherever they appear.</summary>
    private const string AlwaysForbidden = "`^!@*&?\\";

    /// <summary>Returns a description of the first syntax error with its line and column, or <c>null</c> when none was found.</summary>
    public static string? FindError(string text)
    {
        var scanner = new Scanner(text);
        return scanner.Run();
    }

    private sealed class Scanner
    {
        private readonly string _text;

        /// <summary>The open braces and brackets, innermost last, with where each was opened.</summary>
        private readonly Stack<(char Bracket, int Line, int Column)> _open = new();

        private int _position;

        private int _line = 1;

        /// <summary>The position of the first character of the current line, for column numbers.</summary>
        private int _lineStart;

        public Scanner(string text)
        {
            _text = text;
        }

        private int Column => _position - _lineStart + 1;

        public string? Run()
        {
            while (_position < _text.Length)
            {
                var error = Step();
                if (error is not null)
                {
                    return error;
                }
            }

            if (_open.TryPop(out var unclosed))
            {
                return $"'{unclosed.Bracket}' at line {unclosed.Line}, column {unclosed.Column} is never closed";
            }

            return null;
        }

        /// <summary>Consumes one token or character and returns an error, or <c>null</c> to go on.</summary>
        private string? Step()
        {
            var c = _text[_position];

            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
                return null;
            }

            if (c == '#' || StartsWith("//"))
            {
                SkipToEndOfLine();
                return null;
            }

            if (StartsWith("\"\"\""))
            {
                // Akka's parser reads a triple quote differently by position, which a lexical scan cannot follow.
                return $"unsupported triple-quoted string at line {_line}, column {Column}: write the value in double quotes";
            }

            if (c == '"')
            {
                return SkipQuotedString();
            }

            return CheckStructure(c);
        }

        private string? CheckStructure(char c)
        {
            var line = _line;
            var column = Column;
            _position++;

            switch (c)
            {
                case '{' or '[':
                    _open.Push((c, line, column));
                    return null;

                case '}' or ']':
                    return Close(c, line, column);

                case '$':
                    // A substitution starts with "${"; the brace is then tracked like any other.
                    return Peek() == '{' ? null : $"unexpected '$' at line {line}, column {column}: write a substitution as ${{path}}, or quote the value";

                case '?' when Before(2) == "${":
                    // Found by test: Akka 1.5.75's parser never returns on "${?path}", whether or not the path exists.
                    return $"unsupported optional substitution '${{?' at line {line}, column {column - 2}: write ${{path}} or the value itself";

                case '+':
                    // "+=" appends, and a number's exponent may carry a sign (1e+6); anything else needs quotes.
                    return (Peek() == '=' || Before(1) is "e" or "E") ? null : Unexpected(c, line, column);

                case '=' or ':' when _open.TryPeek(out var inner) && inner.Bracket == '[':
                    // Found by test: Akka's parser never returns on a key-value separator directly inside a list.
                    return $"unexpected '{c}' inside the list opened at line {inner.Line}, column {inner.Column}: a list holds values, not key = value pairs";

                default:
                    return AlwaysForbidden.Contains(c) ? Unexpected(c, line, column) : null;
            }
        }

        private string? Close(char closer, int line, int column)
        {
            var opener = closer == '}' ? '{' : '[';
            if (!_open.TryPop(out var open))
            {
                return $"unexpected '{closer}' at line {line}, column {column}: there is no open '{opener}' to close";
            }

            if (open.Bracket != opener)
            {
                return $"'{closer}' at line {line}, column {column} does not match '{open.Bracket}' at line {open.Line}, column {open.Column}";
            }

            return null;
        }

        private string? SkipQuotedString()
        {
            var line = _line;
            var column = Column;
            _position++;

            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (c == '\n' || (c == '\\' && Peek(1) == '\n'))
                {
                    break;
                }

                _position += c == '\\' ? 2 : 1;
                if (c == '"')
                {
                    return null;
                }
            }

            return $"the string that starts at line {line}, column {column} is not closed on its line: add the closing '\"'";
        }

        private void SkipToEndOfLine()
        {
            var end = _text.IndexOf('\n', _position);
            _position = end < 0 ? _text.Length : end;
        }

        private bool StartsWith(string token) => string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0;

        /// <summary>Returns the character <paramref name="offset"/> places after the current one, or '\0' past the end.</summary>
        private char Peek(int offset = 0) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

        /// <summary>Returns the <paramref name="count"/> characters before the character just consumed.</summary>
        private string Before(int count)
        {
            var start = _position - 1 - count;
            return start < 0 ? "" : _text.Substring(start, count);
        }

        private static string Unexpected(char c, int line, int column) =>
            $"unexpected '{c}' at line {line}, column {column}: put the value in double quotes";
    }
}
