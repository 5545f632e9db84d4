namespace ProducerConsumer.Actors;

/// <summary>
/// Buffer to its parent, just before it stops: every item was delivered and acknowledged and end of stream went
/// to every consumer. A buffer that stops without sending this stopped early.
/// </summary>
public sealed class BufferDrained
{
    public static BufferDrained Instance { get; } = new();

    private BufferDrained()
    {
    }

    public override string ToString() => nameof(BufferDrained);
}
