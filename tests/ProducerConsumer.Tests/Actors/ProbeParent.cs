using Akka.Actor;

namespace ProducerConsumer.Tests.Actors;

/// <summary>
/// A parent for the actor under test: it sends the child's reference to a probe, then forwards whatever the
/// child sends to its parent to that probe. The default supervisor strategy logs the child's failures, so tests
/// can observe them with an event filter.
/// </summary>
internal sealed class ProbeParent : ReceiveActor
{
    public ProbeParent(Props childProps, string childName, IActorRef probe)
    {
        var child = Context.ActorOf(childProps, childName);
        probe.Tell(child);

        ReceiveAny(message => probe.Forward(message));
    }
}
