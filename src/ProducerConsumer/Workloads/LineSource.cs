namespace ProducerConsumer.Workloads;

/// <summary>
/// Reads lines from a text reader as it goes, so memory does not grow with the input. A lock serializes the
/// producers' reads, because a <see cref="TextReader"/> is not thread-safe; each read takes a whole batch under
/// one lock.
/// </summary>
public sealed class LineSource : IItemSource<Line>
{
    private readonly TextReader _reader;

    private readonly Lock _lock = new();

    /// <summary>Lines read so far, which is also the number of the next line.</summary>
    private long _read;

    private bool _exhausted;

    public LineSource(TextReader reader)
    {
        _reader = reader;
    }

    /// <summary>Lines handed out so far.</summary>
    public long Produced
    {
        get
        {
            lock (_lock)
            {
                return _read;
            }
        }
    }

    public int Read(Span<Line> destination)
    {
        lock (_lock)
        {
            var count = 0;
            while (count < destination.Length && !_exhausted)
            {
                var text = _reader.ReadLine();
                if (text is null)
                {
                    _exhausted = true;
                    break;
                }

                destination[count++] = new Line(_read++, text);
            }

            return count;
        }
    }
}
