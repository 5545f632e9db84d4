using ProducerConsumer.Engines;
using ProducerConsumer.Threaded;
using Xunit.Abstractions;

namespace ProducerConsumer.Tests.Engines;

public sealed class ThreadedEngineBehaviourTests : EngineBehaviourTests
{
    public ThreadedEngineBehaviourTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override IPipelineEngine CreateEngine() => new ThreadedEngine();
}
