using ProducerConsumer.Cli.Running;

namespace ProducerConsumer.Cli.Reports;

/// <summary>How each engine decides which producer adds and which consumer takes next, in words for the report.</summary>
/// <remarks>
/// NOTE: these sentences restate the behaviour of BoundedBufferActor (credit and demand) and MonitorBoundedBuffer
/// (one monitor, no queue of waiters) as that code is now, so they must change when those classes do.
/// </remarks>
internal static class FairnessRules
{
    /// <summary>Returns the rule of the named engine, or a sentence saying that none is documented.</summary>
    public static string Of(string engine) => engine switch
    {
        EngineFactory.Actor =>
            "Round-robin on both sides. The buffer actor grants credit to producers in turn, in the order they registered, "
            + "topping a producer up to an equal part of the capacity (at most one batch) once it has used half of its credit. "
            + "It serves consumers in the order their demand arrived, one batch per turn, and a consumer with demand left goes "
            + "to the back of the queue. A slower worker gets fewer items only because it asks less often.",
        EngineFactory.Threaded =>
            "No turn order. One monitor guards the buffer; a put or take that finds it full or empty spins briefly, then "
            + "waits in Monitor.Wait, and a change of state wakes every waiter of that kind at once. Whichever thread takes "
            + "the lock first proceeds, so a spinning thread can overtake one that slept, and the operating system's "
            + "scheduler decides who moves the most items.",
        _ => $"No fairness rule is documented for the {engine} engine.",
    };
}
