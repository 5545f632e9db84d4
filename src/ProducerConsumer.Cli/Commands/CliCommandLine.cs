using System.CommandLine;
using ProducerConsumer.Cli.Running;

namespace ProducerConsumer.Cli.Commands;

/// <summary>
/// The command-line grammar: the <c>run</c> and <c>compare</c> commands and their options. The root command runs
/// <c>compare</c>, so the app without arguments compares both engines on <c>hocon/default.conf</c>.
/// </summary>
internal sealed class CliCommandLine
{
    /// <summary>The executable's name, for messages; the root command takes the running process's name, which differs under tests.</summary>
    public const string ExecutableName = "producer-consumer";

    private const string Description =
        "Moves items from producers to consumers through a bounded buffer, with an Akka.NET actor engine or a plain-thread "
        + "Monitor engine, and reports delivery and throughput. Without a command it runs 'compare' on hocon/default.conf. "
        + "Options override the settings file. Exit codes: 0 every item delivered exactly once; 1 items lost or duplicated, "
        + "an engine failed, or the results could not be written; 2 invalid usage, settings or input; 130 cancelled.";

    public CliCommandLine(Func<CommandLineArguments, CancellationToken, Task<int>> action)
    {
        ConfigFile = StringOption("--config", "FILE", "HOCON settings file, read on top of hocon/default.conf.");
        Scenario = StringOption("--scenario", "NAME", "Named settings file hocon/NAME.conf next to the executable, such as slow-consumer.");
        Capacity = IntegerOption("--capacity", "Maximum number of items in the buffer (1 or more).");
        Producers = IntegerOption("--producers", "Number of producers (1 or more).");
        Consumers = IntegerOption("--consumers", "Number of consumers (1 or more).");
        Items = IntegerOption("--items", "Number of generated integers (0 or more); not allowed with --input.");
        MaxBatch = IntegerOption("--max-batch", "Maximum number of items one message carries in the actor engine (1 or more).");
        Seed = IntegerOption("--seed", "Seed of every random choice in the run.");
        Input = StringOption("--input", "FILE", "Text file with one item per line, or - for standard input, instead of generated integers.");
        Output = StringOption("--output", "FILE", "File that receives the consumed items, one line each, in delivery order ('run' only).");
        Json = StringOption("--json", "FILE", "File that receives the results as a JSON array, one object per engine (per scenario and engine with --all).");
        Report = StringOption("--report", "FILE", "Markdown file that receives the design-review report: settings, results table, what each engine does better, fairness rules.");
        Chart = StringOption("--chart", "FILE", "Image file, .png or .svg, that receives the buffer depth over time and the item latency distribution of each engine.");
        All = new Option<bool>("--all") { Description = "Run both engines on every scenario in the hocon folder except default ('compare' only) and print one line per scenario and engine.", Recursive = true };
        Quiet = new Option<bool>("--quiet") { Description = "Print no progress and no results; the exit code still reports the outcome.", Recursive = true };

        Engine = new Option<string>("--impl") { Description = "Engine to run.", Required = true };
        Engine.AcceptOnlyFromAmong([.. EngineFactory.Names]);

        Run = new Command(CommandLineArguments.RunCommand, "Runs one engine.") { Engine };
        Compare = new Command(CommandLineArguments.CompareCommand, "Runs both engines on the same workload, one after the other.");

        Root = new RootCommand(Description) { ConfigFile, Scenario, Capacity, Producers, Consumers, Items, MaxBatch, Seed, Input, Output, Json, Report, Chart, All, Quiet, Run, Compare };

        foreach (var command in (Command[])[Root, Run, Compare])
        {
            command.SetAction((parseResult, cancellationToken) => action(Read(parseResult), cancellationToken));
        }
    }

    public RootCommand Root { get; }

    public Command Run { get; }

    public Command Compare { get; }

    public Option<string> Engine { get; }

    public Option<string> ConfigFile { get; }

    public Option<string> Scenario { get; }

    public Option<int> Capacity { get; }

    public Option<int> Producers { get; }

    public Option<int> Consumers { get; }

    public Option<int> Items { get; }

    public Option<int> MaxBatch { get; }

    public Option<int> Seed { get; }

    public Option<string> Input { get; }

    public Option<string> Output { get; }

    public Option<string> Json { get; }

    public Option<string> Report { get; }

    public Option<string> Chart { get; }

    public Option<bool> All { get; }

    public Option<bool> Quiet { get; }

    /// <summary>Returns the names and aliases of every option that <paramref name="command"/> accepts, its parents' included.</summary>
    public IEnumerable<string> OptionNames(Command command)
    {
        var options = command == Root ? Root.Options : command.Options.Concat(Root.Options.Where(option => option.Recursive));
        return options.SelectMany(option => option.Aliases.Prepend(option.Name));
    }

    private CommandLineArguments Read(ParseResult result) => new()
    {
        Command = result.CommandResult.Command == Run ? CommandLineArguments.RunCommand : CommandLineArguments.CompareCommand,
        Engine = result.GetValue(Engine),
        ConfigFile = result.GetValue(ConfigFile),
        Scenario = result.GetValue(Scenario),
        Capacity = ValueIfGiven(result, Capacity),
        Producers = ValueIfGiven(result, Producers),
        Consumers = ValueIfGiven(result, Consumers),
        Items = ValueIfGiven(result, Items),
        MaxBatch = ValueIfGiven(result, MaxBatch),
        Seed = ValueIfGiven(result, Seed),
        Input = result.GetValue(Input),
        Output = result.GetValue(Output),
        Json = result.GetValue(Json),
        Report = result.GetValue(Report),
        Chart = result.GetValue(Chart),
        All = result.GetValue(All),
        Quiet = result.GetValue(Quiet),
    };

    private static int? ValueIfGiven(ParseResult result, Option<int> option) =>
        result.GetResult(option) is { Implicit: false } ? result.GetValue(option) : null;

    /// <summary>Creates an option that every command accepts, before or after the command name.</summary>
    private static Option<string> StringOption(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description, Recursive = true };

    /// <summary>Creates an option that every command accepts, before or after the command name.</summary>
    private static Option<int> IntegerOption(string name, string description) =>
        new(name) { HelpName = "N", Description = description, Recursive = true };
}
