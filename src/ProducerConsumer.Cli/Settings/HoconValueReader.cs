using System.Globalization;
using Akka.Configuration;
using ProducerConsumer.Cli.Commands;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Cli.Settings;

/// <summary>
/// Reads typed settings from the merged settings, checking each one: Akka's <c>GetInt</c> returns 0 for a missing
/// key, and its <c>GetTimeSpan</c> reads a bare number as milliseconds, so neither is used on its own.
/// </summary>
internal sealed class HoconValueReader
{
    private readonly Config _merged;

    /// <summary>The file read on top of the defaults, or <c>null</c> when only the defaults are in use.</summary>
    private readonly Config? _overlay;

    private readonly string? _overlayFile;

    private readonly string _defaultsFile;

    public HoconValueReader(Config merged, Config? overlay, string? overlayFile, string defaultsFile)
    {
        _merged = merged;
        _overlay = overlay;
        _overlayFile = overlayFile;
        _defaultsFile = defaultsFile;
    }

    /// <exception cref="UsageException">The key is missing or its value is not a whole number.</exception>
    public SettingValue<int> ReadInt(string path)
    {
        var (text, origin) = ReadScalar(path);

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            var problem = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? "is out of range" : "is not a whole number";
            throw new UsageException($"invalid {origin}: '{text}' {problem}. Write a whole number from {int.MinValue} to {int.MaxValue}.");
        }

        return new SettingValue<int>(value, origin);
    }

    /// <summary>Reads the simulated cost of one item from a <c>producer-work</c> or <c>consumer-work</c> section.</summary>
    /// <exception cref="UsageException">A key is missing or its value is out of range.</exception>
    public ItemWork ReadWork(string workSection)
    {
        var delay = ReadDuration(SettingKeys.PathOf(workSection, SettingKeys.Delay), "delay");

        var iterations = ReadInt(SettingKeys.PathOf(workSection, SettingKeys.CpuIterations));
        if (iterations.Value < 0)
        {
            throw new UsageException($"invalid {iterations.Origin}: {iterations.Value} is negative. Use 0 for no CPU work, or more.");
        }

        var random = ReadSwitch(SettingKeys.PathOf(workSection, SettingKeys.Random));

        var (burstSize, burstPause) = ReadBursts(workSection);

        return new ItemWork(delay, iterations.Value, random) { BurstSize = burstSize, BurstPause = burstPause };
    }

    /// <summary>
    /// Reads <c>burst-size</c> and <c>burst-pause</c>, which work only together: a burst needs a pause to end it, and
    /// a pause needs a burst to follow. Either one alone would be ignored by the engines, so it is rejected.
    /// </summary>
    private (int Size, TimeSpan Pause) ReadBursts(string workSection)
    {
        var size = ReadInt(SettingKeys.PathOf(workSection, SettingKeys.BurstSize));
        if (size.Value < 0)
        {
            throw new UsageException($"invalid {size.Origin}: {size.Value} is negative. Use 0 for no bursts, or the number of items per burst.");
        }

        var pausePath = SettingKeys.PathOf(workSection, SettingKeys.BurstPause);
        var pause = ReadDuration(pausePath, "pause");

        if (size.Value > 0 && pause == TimeSpan.Zero)
        {
            throw new UsageException(
                $"invalid {size.Origin}: a burst of {size.Value} items needs a pause after it, but {pausePath} is 0ms. Set {SettingKeys.BurstPause} to 1ms or more, or {SettingKeys.BurstSize} to 0.");
        }

        if (size.Value == 0 && pause > TimeSpan.Zero)
        {
            throw new UsageException(
                $"invalid {OriginOf(pausePath)}: a pause of {pause.TotalMilliseconds:0}ms needs a burst to follow, but {size.Origin} is 0. Set {SettingKeys.BurstSize} to the items per burst, or {SettingKeys.BurstPause} to 0ms.");
        }

        return (size.Value, pause);
    }

    /// <param name="path">The key's full path.</param>
    /// <param name="noun">What the duration is, for the message about zero: <c>delay</c> or <c>pause</c>.</param>
    private TimeSpan ReadDuration(string path, string noun)
    {
        var (text, origin) = ReadScalar(path);

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new UsageException(
                $"invalid {origin}: '{text}' has no unit. Write a duration such as {text}ms or 2s, because a bare number would be read as milliseconds.");
        }

        if (text.StartsWith('-'))
        {
            throw new UsageException($"invalid {origin}: '{text}' is negative. Use 0ms for no {noun}, or more.");
        }

        TimeSpan delay;
        try
        {
            delay = _merged.GetTimeSpan(path, null, allowInfinite: false);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new UsageException($"invalid {origin}: '{text}' is not a duration. Write one such as 0ms, 5ms or 2s.");
        }

        if (delay < TimeSpan.Zero || delay.TotalMilliseconds > int.MaxValue)
        {
            throw new UsageException($"invalid {origin}: '{text}' is out of range. Use 0ms up to {int.MaxValue}ms.");
        }

        // Thread.Sleep and Task.Delay drop the fraction of a millisecond, so 0.5ms would silently run as no delay.
        if (delay.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new UsageException(
                $"invalid {origin}: '{text}' is not a whole number of milliseconds, which is all the engines can wait. Use 0ms or 1ms or more, or cpu-iterations for smaller costs.");
        }

        return delay;
    }

    private bool ReadSwitch(string path)
    {
        var (text, origin) = ReadScalar(path);

        // HOCON's boolean spellings.
        return text.ToLowerInvariant() switch
        {
            "on" or "true" or "yes" => true,
            "off" or "false" or "no" => false,
            _ => throw new UsageException($"invalid {origin}: '{text}' is not a switch. Write on or off."),
        };
    }

    /// <summary>Returns the key and the file that sets it, such as <c>producer-consumer.capacity in /app/hocon/default.conf</c>.</summary>
    private string OriginOf(string path)
    {
        var file = _overlay is not null && _overlay.HasPath(path) ? _overlayFile : _defaultsFile;
        return $"{path} in {file}";
    }

    /// <summary>Returns the value's text and where it came from, after checking that the key has a single value.</summary>
    private (string Text, string Origin) ReadScalar(string path)
    {
        if (!_merged.HasPath(path))
        {
            throw new UsageException($"missing setting {path}: no settings file sets it. Add it to {_defaultsFile}.");
        }

        var origin = OriginOf(path);

        var value = _merged.GetValue(path);
        if (value.IsObject())
        {
            throw new UsageException($"invalid {origin}: expected a value but found a section in braces.");
        }

        if (value.IsArray())
        {
            throw new UsageException($"invalid {origin}: expected a value but found a list.");
        }

        var text = value.GetString();
        if (text is null)
        {
            throw new UsageException($"invalid {origin}: the value is null. Write a value.");
        }

        return (text.Trim(), origin);
    }
}
