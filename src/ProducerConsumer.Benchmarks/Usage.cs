namespace ProducerConsumer.Benchmarks;

/// <summary>The command-line help.</summary>
public static class Usage
{
    public const string Text =
        """
        Usage:
          dotnet run -c Release --project src/ProducerConsumer.Benchmarks -- [--job short|full|metrics] [BenchmarkDotNet options]
          dotnet run -c Release --project src/ProducerConsumer.Benchmarks -- memory

        Benchmarks: every engine and peer in every case, each invocation checked for exactly-once delivery.
          --job short, -j short   100 thousand items per invocation, 1 warm-up and 3 measured iterations.
                                  The default; a few minutes on 2 cores.
          --job full, -j full     1 million items per invocation, 3 warm-up and 10 measured iterations.
                                  For the records; about 40 minutes on 2 cores.
          --job metrics, -j metrics
                                  What recording the metrics costs: each engine with and without a
                                  listener on every instrument, 100 thousand items per invocation.
          Other options go to BenchmarkDotNet, for example --filter '*Channels*' or --list flat, and
          --help after --job lists them. BenchmarkDotNet's own jobs (dry, short, medium, long) are replaced
          by the three above. Results go to BenchmarkDotNet.Artifacts/<job>/, failed runs to
          BenchmarkDotNet.Artifacts/<job>/failures.log.

        memory: runs the actor engine (default mode) and the threaded engine with 100 thousand and with
          10 million items through capacity 64, each run in a new process, and reports each run's peak
          working set.

        Exit codes: 0 success, 1 a benchmark or run failed, 2 invalid command line.
        """;
}
