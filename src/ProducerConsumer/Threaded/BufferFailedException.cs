namespace ProducerConsumer.Threaded;

/// <summary>
/// Thrown by every put and take of a <see cref="MonitorBoundedBuffer{T}"/> after the buffer was failed, including
/// those that were blocked at the time. <see cref="Exception.InnerException"/> is the reason passed to
/// <see cref="MonitorBoundedBuffer{T}.Fail"/>.
/// </summary>
public sealed class BufferFailedException : Exception
{
    public BufferFailedException(Exception reason)
        : base($"The buffer was failed and accepts no more puts or takes: {reason.Message}", reason)
    {
    }
}
