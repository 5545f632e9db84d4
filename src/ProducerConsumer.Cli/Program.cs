using ProducerConsumer.Cli;
using ProducerConsumer.Cli.Commands;
using ProducerConsumer.Cli.Running;

// Ctrl+C and SIGTERM cancel the run through System.CommandLine's token. The grace period covers an actor system's
// shutdown. A run still going after it is abandoned: the app deletes its temporary files and exits with 130.
// Each engine warms up for a second before it is measured. The reason is in EngineWarmUp.
var environment = CliEnvironment.Create(Console.Out, Console.Error) with
{
    ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
    WarmUp = new EngineWarmUp(TimeSpan.FromSeconds(1)),
};

return await CliApp.RunAsync(args, environment, CancellationToken.None);
