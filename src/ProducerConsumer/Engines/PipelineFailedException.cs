namespace ProducerConsumer.Engines;

/// <summary>A pipeline run stopped before every item was consumed.</summary>
public sealed class PipelineFailedException : Exception
{
    public PipelineFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
