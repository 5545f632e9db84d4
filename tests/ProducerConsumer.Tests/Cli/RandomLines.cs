using System.Text;

namespace ProducerConsumer.Tests.Cli;

/// <summary>
/// Reproducible random text lines for round-trip tests: empty lines, repeated lines, and Unicode beyond ASCII
/// (accents, CJK, right-to-left script, emoji as surrogate pairs, combining marks, and the separators U+0085, U+2028
/// and U+2029 that a line reader must not split on). No line contains '\r' or '\n'.
/// </summary>
internal static class RandomLines
{
    private static readonly string[] Pieces =
    [
        "a", "b", "z", "Q", "0", "7", " ", "  ", "\t", ",", ";", "\"", "'", "\\", "{", "}", "#", "-", "—",
        "é", "ß", "ø", "Ω", "ж", "中", "文", "日本", "한", "שלום", "مرحبا", "😀", "🧵", "👍🏽", "🇺🇳", "e\u0301", "\u200d",
        "\u00a0", "\u0085", "\u2028", "\u2029", "\u0000", "\ufeff", "\uffff",
    ];

    /// <summary>Creates <paramref name="count"/> lines from <paramref name="seed"/>; about 5% are empty and 20% repeat an earlier line.</summary>
    public static string[] Create(int seed, int count)
    {
        var random = new Random(seed);
        var lines = new string[count];
        var builder = new StringBuilder();

        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            if (roll < 0.05)
            {
                lines[i] = "";
            }
            else if (roll < 0.25 && i > 0)
            {
                lines[i] = lines[random.Next(i)];
            }
            else
            {
                builder.Clear();
                var length = random.Next(1, 24);
                for (var j = 0; j < length; j++)
                {
                    builder.Append(Pieces[random.Next(Pieces.Length)]);
                }

                // A file that starts with U+FEFF starts with a byte order mark, which a reader drops.
                if (i == 0 && builder[0] == '\ufeff')
                {
                    builder.Insert(0, 'a');
                }

                lines[i] = builder.ToString();
            }
        }

        return lines;
    }

    /// <summary>Joins lines the way the app writes them: each followed by '\n'.</summary>
    public static string ToText(IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));
}
