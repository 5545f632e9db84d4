using ProducerConsumer.Benchmarks;
using ProducerConsumer.Benchmarks.Memory;
using ProducerConsumer.Benchmarks.Pipelines;

try
{
    return args switch
    {
        ["help" or "--help" or "-h"] => PrintUsage(),
        ["memory", .. var rest] => await MemoryCommand.RunAsync(rest),
        [MemoryRunCommand.Name, .. var rest] => await MemoryRunCommand.RunAsync(rest),
        _ => BenchmarkCommand.Run(args),
    };
}
catch (UsageException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(Usage.Text);
    return ExitCodes.Usage;
}

static int PrintUsage()
{
    Console.WriteLine(Usage.Text);
    return ExitCodes.Success;
}
