namespace ProducerConsumer.Cli;

/// <summary>Path comparisons that follow the file system's case rules.</summary>
internal static class FilePaths
{
    /// <summary>Whether two paths, relative to the current directory or absolute, name the same file.</summary>
    public static bool AreSame(string a, string b) =>
        string.Equals(
            Path.GetFullPath(a),
            Path.GetFullPath(b),
            OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
