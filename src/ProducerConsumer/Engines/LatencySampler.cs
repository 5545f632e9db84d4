namespace ProducerConsumer.Engines;

/// <summary>
/// Chooses which of one consumer's finished items have their latency recorded: the first, then one in every
/// <see cref="PipelineSettings.LatencySampleEvery"/>. Both engines use it, so they sample the same items of each
/// consumer's sequence.
/// </summary>
/// <remarks>
/// A consumer reads once per batch where the batch's first sampled item is, compares that position with its loop
/// index, and counts the batch afterwards, so that an item that is not sampled costs no more than a comparison.
/// A mutable struct owned by one consumer: keep it in a field or a local, never copy it.
/// NOTE: the step is fixed, so when it is a multiple of the batch size every sample is the same position of a
/// batch, such as its first item, which finishes first. One run with N = 8 and batches of 8 read a mean latency
/// about 5 % below N = 1 and N = 7, within the noise of the runs; a varied step would remove the doubt.
/// </remarks>
internal struct LatencySampler
{
    /// <summary>Items to finish until the next sampled one, that one included: from 1 to <see cref="Every"/>.</summary>
    private int _untilSample;

    public LatencySampler(int every)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        Every = every;
        _untilSample = 1;
    }

    /// <summary>The distance between two sampled items of one consumer.</summary>
    public int Every { get; }

    /// <summary>The position of the next sampled item, counted from 0 at the next item this consumer finishes.</summary>
    public readonly int NextOffset => _untilSample - 1;

    /// <summary>Counts <paramref name="finished"/> items as finished, sampled or not.</summary>
    public void Advance(int finished)
    {
        var remaining = _untilSample - finished;
        _untilSample = remaining > 0 ? remaining : Every - (-remaining % Every);
    }
}
