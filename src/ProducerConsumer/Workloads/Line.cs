namespace ProducerConsumer.Workloads;

/// <summary>One line of a text input, numbered from 0 in the order it was read.</summary>
/// <param name="Number">The line's position in the input, which the ledger uses as its sequence number.</param>
/// <param name="Text">The line without its terminator.</param>
public readonly record struct Line(long Number, string Text);
