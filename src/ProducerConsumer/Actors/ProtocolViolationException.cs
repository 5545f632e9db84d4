namespace ProducerConsumer.Actors;

/// <summary>
/// A message broke the buffer protocol: items without credit, a delivery without demand, a demand below 1, or a
/// message from an actor that is not part of the pipeline. The actor that received it fails, so the run fails
/// instead of silently losing or inventing items.
/// </summary>
public sealed class ProtocolViolationException : Exception
{
    public ProtocolViolationException(string message)
        : base(message)
    {
    }
}
