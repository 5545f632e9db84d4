namespace ProducerConsumer.Cli.Settings;

/// <summary>A HOCON settings file to read.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="NotFoundFix">The last sentence of the not-found error: what to do when the file does not exist.</param>
internal sealed record SettingsFile(string Path, string NotFoundFix);
