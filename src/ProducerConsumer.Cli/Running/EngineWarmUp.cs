using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Cli.Running;

/// <summary>
/// Runs each engine, unmeasured, before its first measured run in the process, so that the measured run does not
/// pay for compiling the engine's code. The benchmark warms up for the same reason.
/// </summary>
/// <remarks>
/// Tiered compilation first runs a method as quickly compiled code. It compiles the method optimized only after 30
/// calls, and once more with profile-guided optimization. A thread's long loop is replaced on the stack early, but
/// an actor's code runs once per message. On a 2-core VM, a scratch program (not committed) measured a cold actor
/// engine at 12 to 20 million items per second in its first second, and at 80 to 100 million once compiled. The
/// threaded engine reached full speed within a few runs. A cold comparison therefore measured the compiler. The
/// project file also sets <c>System.Runtime.TieredCompilation.CallCountingDelayMs</c> to 0, because the runtime
/// otherwise postpones the counting while new methods keep being compiled, and a one-second warm-up was then not
/// enough.
/// NOTE: the warm-up moves integers. A run over an input file moves lines, and the engines' generic code for
/// reference types is compiled separately, so that run is only partly warmed up.
/// </remarks>
internal sealed class EngineWarmUp
{
    /// <summary>The maximum number of items in a warm-up round. The deadline cuts a round short when the settings make it slow.</summary>
    private const int RoundItems = 100_000;

    private readonly HashSet<string> _warmEngines = [];

    /// <param name="duration">How long each engine runs before its first measured run. Zero or less turns the warm-up off.</param>
    public EngineWarmUp(TimeSpan duration)
    {
        Duration = duration;
    }

    /// <summary>No warm-up at all, for tests that run the app in-process many times.</summary>
    public static EngineWarmUp None { get; } = new(TimeSpan.Zero);

    public TimeSpan Duration { get; }

    /// <summary>
    /// Runs <paramref name="engine"/> with the measured run's settings, simulated work included, in rounds of
    /// generated integers until <see cref="Duration"/> has passed, cancelling the round that is still going then.
    /// Does nothing for an engine that was warmed up before.
    /// </summary>
    /// <param name="engine">The engine to warm up.</param>
    /// <param name="settings">The measured run's settings.</param>
    /// <param name="items">
    /// The measured run's item count. A round moves no more items than that, so that it takes no longer than the
    /// measured run. An actor consumer finishes its delivery before it handles a cancellation, so a round of slow
    /// items could otherwise outlast the deadline by far.
    /// </param>
    /// <param name="cancellationToken">The user's cancellation, as Ctrl+C.</param>
    /// <remarks>
    /// The rounds keep the simulated work. Without it, the console app measured the actor engine with two CPU-bound
    /// consumers at 0.42 to 0.52 million items per second on a 2-core VM, against 0.71 to 0.82 million after a
    /// warm-up with the work. A round that fails ends the warm-up quietly, because the measured run meets the same
    /// problem and reports it. No metrics collector listens to the rounds, and each round has a run
    /// identifier of its own.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task WarmUpAsync(IPipelineEngine engine, PipelineSettings settings, long items, CancellationToken cancellationToken)
    {
        if (Duration <= TimeSpan.Zero || !_warmEngines.Add(engine.Name))
        {
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Duration);
        var shape = settings with { RunId = null };
        var roundItems = (int)Math.Clamp(items, 1, RoundItems);
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                await engine.RunAsync(shape, new GeneratedIntegerSource(roundItems), new LedgerSink(), deadline.Token);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception)
            {
                // The deadline cancelled the round, or the round failed: either way the warm-up is over.
                return;
            }
        }
    }
}
