namespace ProducerConsumer.Benchmarks;

/// <summary>An invalid command line; the message names the argument and the accepted values.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
