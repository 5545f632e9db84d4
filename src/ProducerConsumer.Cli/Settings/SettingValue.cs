namespace ProducerConsumer.Cli.Settings;

/// <summary>A setting's value with the place it came from, so that an error can name where to fix it.</summary>
/// <param name="Value">The value.</param>
/// <param name="Origin">An option such as <c>--capacity</c>, or a key in a file such as <c>producer-consumer.capacity in /app/hocon/default.conf</c>.</param>
internal readonly record struct SettingValue<T>(T Value, string Origin);
