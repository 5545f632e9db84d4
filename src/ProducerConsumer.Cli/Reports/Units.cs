using System.Globalization;

namespace ProducerConsumer.Cli.Reports;

/// <summary>Formats measured values with a unit, the same way in the terminal, the Markdown report and the chart.</summary>
internal static class Units
{
    /// <summary>Shown where a value was not measured.</summary>
    public const string NotAvailable = "n/a";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Formats a duration with three significant digits in ns, µs, ms or s, such as <c>12.3 µs</c>.</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } value)
        {
            return NotAvailable;
        }

        return value switch
        {
            0 => "0 s",
            < 1e-6 => $"{Significant(value * 1e9)} ns",
            < 1e-3 => $"{Significant(value * 1e6)} µs",
            < 1 => $"{Significant(value * 1e3)} ms",
            _ => $"{Significant(value)} s",
        };
    }

    /// <summary>Formats a duration given in milliseconds; see <see cref="Duration"/>.</summary>
    public static string DurationMs(double? milliseconds) => Duration(milliseconds / 1000);

    /// <summary>Formats a rate compactly, such as <c>2.41 M items/s</c>, for the one-line progress display.</summary>
    public static string Rate(double itemsPerSecond) => itemsPerSecond switch
    {
        >= 1e6 => $"{Significant(itemsPerSecond / 1e6)} M items/s",
        >= 1e3 => $"{Significant(itemsPerSecond / 1e3)} k items/s",
        _ => $"{itemsPerSecond.ToString("0", Invariant)} items/s",
    };

    /// <summary>Formats a size in mebibytes, such as <c>84.2 MiB</c>.</summary>
    public static string Bytes(long? bytes) =>
        bytes is { } value ? $"{(value / (1024.0 * 1024.0)).ToString("N1", Invariant)} MiB" : NotAvailable;

    /// <summary>Formats a share from 0 to 1 as a percentage, such as <c>49.8 %</c>.</summary>
    public static string Percent(double share) => $"{(share * 100).ToString("0.0", Invariant)} %";

    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>Formats a number with a fixed number of decimals, such as a fairness index or a mean depth.</summary>
    public static string Decimal(double? value, int decimals) =>
        value is { } number ? number.ToString("N" + decimals.ToString(Invariant), Invariant) : NotAvailable;

    /// <summary>Formats a number from 1 to 1000 with three significant digits: 1.23, 12.3 or 123.</summary>
    private static string Significant(double value) => value switch
    {
        < 10 => value.ToString("0.00", Invariant),
        < 100 => value.ToString("0.0", Invariant),
        _ => value.ToString("0", Invariant),
    };
}
