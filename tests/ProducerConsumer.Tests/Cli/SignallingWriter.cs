namespace ProducerConsumer.Tests.Cli;

/// <summary>A <see cref="StringWriter"/> that completes a task once the text written so far contains a marker.</summary>
internal sealed class SignallingWriter : StringWriter
{
    private readonly string _marker;

    private readonly Lock _lock = new();

    public SignallingWriter(string marker)
    {
        _marker = marker;
    }

    /// <summary>Completes when the marker has been written.</summary>
    public TaskCompletionSource MarkerWritten { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Write(char value)
    {
        lock (_lock)
        {
            base.Write(value);
            Check();
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            base.Write(value);
            Check();
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock)
        {
            base.Write(buffer, index, count);
            Check();
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return base.ToString();
        }
    }

    private void Check()
    {
        if (!MarkerWritten.Task.IsCompleted && GetStringBuilder().ToString().Contains(_marker, StringComparison.Ordinal))
        {
            MarkerWritten.TrySetResult();
        }
    }
}
