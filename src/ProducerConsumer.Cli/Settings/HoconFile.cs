using System.Globalization;
using System.Text.RegularExpressions;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using ProducerConsumer.Cli.Commands;

namespace ProducerConsumer.Cli.Settings;

/// <summary>
/// Reads one HOCON settings file with Akka's parser, and rejects what that parser lets through: bad syntax that it
/// accepts silently, and keys left without a value.
/// </summary>
internal static partial class HoconFile
{
    /// <summary>
    /// How long parsing may take before the file is reported as invalid. A settings file parses in milliseconds, so
    /// only a parser that never returns reaches this limit.
    /// </summary>
    private static readonly TimeSpan ParseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads, checks and parses the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file's full path.</param>
    /// <param name="notFoundFix">The last sentence of the not-found error: what to do when the file does not exist.</param>
    /// <exception cref="UsageException">The file is missing, unreadable or not valid HOCON.</exception>
    public static Config Load(string path, string notFoundFix)
    {
        var text = ReadText(path, notFoundFix);

        var syntaxError = HoconSyntaxCheck.FindError(text);
        if (syntaxError is not null)
        {
            throw new UsageException($"invalid HOCON in {path}: {syntaxError}.");
        }

        var config = Parse(text, path);

        if (!config.IsEmpty)
        {
            foreach (var (key, value) in config.Root.GetObject().Items)
            {
                CheckEveryKeyHasValue(value, key, path);
            }
        }

        return config;
    }

    private static string ReadText(string path, string notFoundFix)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"invalid settings file {path}: it is a directory. Give the path of a .conf file.");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"settings file not found: {path}. {notFoundFix}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"failed to read settings file {path}: {ex.Message} Check that the file is readable.");
        }
    }

    private static Config Parse(string text, string path)
    {
        // NOTE: Akka 1.5.75's parser never returns on some malformed input, such as an unexpected token inside a list.
        // HoconSyntaxCheck rejects the cases found so far. Against any other, the parse runs on a pool thread with a
        // time limit, and a parse that times out keeps that thread busy until the process exits.
        var parsing = Task.Run(() => ConfigurationFactory.ParseString(text, include => RejectInclude(include, path)));
        if (Task.WaitAny([parsing], ParseTimeout) < 0)
        {
            throw new UsageException(
                $"invalid HOCON in {path}: the parser did not finish within {ParseTimeout.TotalSeconds:0} s. Check the quotes, braces and brackets.");
        }

        try
        {
            return parsing.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is FormatException or ConfigurationException)
        {
            throw new UsageException($"invalid HOCON in {path}: {DescribeParseError(ex.Message, text)}. Fix the file and run again.");
        }
    }

    private static HoconRoot RejectInclude(string include, string path) =>
        throw new UsageException(
            $"invalid HOCON in {path}: include {include} is not supported. The file is read on top of default.conf, so write only the keys it changes.");

    /// <summary>
    /// Reports a key that Akka's parser kept without a value (it does so for <c>a =</c>, <c>a == 1</c> or a stray word).
    /// </summary>
    private static void CheckEveryKeyHasValue(HoconValue value, string path, string file)
    {
        if (value.Values.Count == 0)
        {
            throw new UsageException($"invalid HOCON in {file}: {path} has no value. Write it as {path} = value.");
        }

        if (value.IsObject())
        {
            foreach (var (key, child) in value.GetObject().Items)
            {
                CheckEveryKeyHasValue(child, $"{path}.{key}", file);
            }
        }
        else if (value.IsArray())
        {
            foreach (var element in value.GetArray())
            {
                CheckEveryKeyHasValue(element, $"{path}[]", file);
            }
        }
    }

    /// <summary>Keeps the first line of a parser message and turns its character offset into a line and column.</summary>
    private static string DescribeParseError(string message, string text)
    {
        var firstLine = message.Split('\n')[0].Trim().TrimEnd(':', '.');

        var match = PositionPattern().Match(firstLine);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return firstLine;
        }

        var before = text.AsSpan(0, Math.Min(offset, text.Length));
        var line = before.Count('\n') + 1;
        var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
        return firstLine.Replace(match.Value, $"at line {line}, column {column}", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"at position (\d+)")]
    private static partial Regex PositionPattern();
}
