using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using ProducerConsumer.Engines;
using ProducerConsumer.Workloads;

namespace ProducerConsumer.Actors;

/// <summary>
/// Starts the buffer, the producers and the consumers of one run as its children, watches them, and completes
/// the run once all of them stopped: with the run's counts when the buffer drained, or with the first failure.
/// </summary>
public sealed class PipelineCoordinator<T> : ReceiveActor
{
    private readonly PipelineSettings _settings;

    private readonly IItemSource<T> _source;

    private readonly IItemSink<T> _sink;

    private readonly PipelineCounters _counters;

    private readonly TaskCompletionSource<PipelineRun> _completion;

    private readonly ILoggingAdapter _log = Context.GetLogger();

    private readonly Stopwatch _stopwatch = new();

    private IActorRef _buffer = ActorRefs.Nobody;

    /// <summary>Children that have not stopped yet.</summary>
    private int _running;

    private bool _drained;

    /// <summary>The first failure of the run; once set, the coordinator stops every child.</summary>
    private Exception? _failure;

    public PipelineCoordinator(
        PipelineSettings settings,
        IItemSource<T> source,
        IItemSink<T> sink,
        PipelineCounters counters,
        TaskCompletionSource<PipelineRun> completion)
    {
        _settings = settings.Validate();
        _source = source;
        _sink = sink;
        _counters = counters;
        _completion = completion;

        Receive<BufferDrained>(_ => _drained = true);
        Receive<Terminated>(HandleTerminated);
        Receive<CancelRun>(cancel => Fail(new OperationCanceledException("The run was canceled.", cancel.Token)));
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(exception =>
        {
            // A restarted buffer, producer or consumer would lose the items and counts it holds, so a failure
            // stops the child and fails the run instead.
            Fail(exception);
            return Directive.Stop;
        });

    protected override void PreStart()
    {
        _log.Info(
            "Pipeline started [capacity={0}, producers={1}, consumers={2}, max-batch={3}]",
            _settings.Capacity, _settings.Producers, _settings.Consumers, _settings.MaxBatch);
        _stopwatch.Start();

        // Props take the constructor arguments directly: the expression form compiles every argument expression,
        // which costs more than a short run itself.
        _buffer = Start(Props.Create<BoundedBufferActor<T>>(_settings, _counters), "buffer");

        // Each consumer keeps one batch of demand open, but never more than the capacity: like a thread that takes
        // from a buffer of capacity K, a consumer then holds at most K items it has not finished.
        var window = Math.Min(_settings.MaxBatch, _settings.Capacity);
        for (var i = 0; i < _settings.Consumers; i++)
        {
            var index = i;
            var seed = WorkSimulator.SeedFor(_settings.Seed, "consumer", index);
            Start(
                Props.Create<ConsumerActor<T>>(index, _buffer, _sink, _settings.ConsumerWork, seed, window, _counters, _settings.LatencySampleEvery),
                $"consumer-{index}");
        }

        for (var i = 0; i < _settings.Producers; i++)
        {
            var index = i;
            var seed = WorkSimulator.SeedFor(_settings.Seed, "producer", index);
            Start(Props.Create<ProducerActor<T>>(index, _buffer, _source, _settings.ProducerWork, seed, _settings.MaxBatch, _counters), $"producer-{index}");
        }
    }

    private IActorRef Start(Props props, string name)
    {
        var child = Context.ActorOf(props, name);
        Context.Watch(child);
        _running++;
        return child;
    }

    private void HandleTerminated(Terminated terminated)
    {
        _running--;
        if (terminated.ActorRef.Equals(_buffer) && !_drained)
        {
            Fail(new PipelineFailedException("The buffer stopped before every item was delivered."));
        }

        if (_running > 0)
        {
            return;
        }

        _stopwatch.Stop();
        var run = _counters.ToRun("actor", _settings, _stopwatch.Elapsed);
        if (_failure is null)
        {
            _log.Info("Pipeline completed [consumed={0}, elapsed={1:0.###} s]", run.Consumed, run.Elapsed.TotalSeconds);
            _completion.TrySetResult(run);
        }
        else if (_failure is OperationCanceledException canceled)
        {
            _completion.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _completion.TrySetException(new PipelineFailedException($"The actor pipeline failed: {_failure.Message}", _failure));
        }

        Context.Stop(Self);
    }

    private void Fail(Exception failure)
    {
        if (_failure is not null)
        {
            return;
        }

        _failure = failure;
        if (failure is OperationCanceledException)
        {
            _log.Info("Pipeline canceled; stopping all producers, consumers and the buffer");
        }
        else
        {
            _log.Error(failure, "Pipeline failed; stopping all producers, consumers and the buffer");
        }

        foreach (var child in Context.GetChildren())
        {
            Context.Stop(child);
        }
    }
}

/// <summary>Sent to the coordinator to stop a run early; the run then completes as canceled by <paramref name="Token"/>.</summary>
internal sealed record CancelRun(CancellationToken Token);
