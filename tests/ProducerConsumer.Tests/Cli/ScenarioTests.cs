using System.Text.Json;
using ProducerConsumer.Cli.Commands;
using ProducerConsumer.Cli.Settings;

namespace ProducerConsumer.Tests.Cli;

/// <summary>The shipped scenarios: the design review's list is there, each one parses, and each runs on both engines.</summary>
public sealed class ScenarioTests
{
    /// <summary>The scenarios that the design review compares.</summary>
    private static readonly string[] ReviewScenarios =
        ["balanced", "slow-consumer", "slow-producer", "bursty-producer", "many-producers", "many-consumers", "capacity-1", "cpu-bound-consumers"];

    private static readonly string ShippedFolder = SettingsFolder.Shipped;

    [Fact]
    public void ReviewScenariosAreShipped()
    {
        var names = SettingsFolder.ScenarioNames(ShippedFolder);

        foreach (var scenario in ReviewScenarios)
        {
            Assert.Contains(scenario, names);
        }
    }

    [Fact]
    public void ScenariosHaveTheirShape()
    {
        var manyProducers = Resolve("many-producers").Pipeline;
        var manyConsumers = Resolve("many-consumers").Pipeline;
        var capacityOne = Resolve("capacity-1").Pipeline;
        var bursty = Resolve("bursty-producer").Pipeline;

        Assert.True(manyProducers.Producers > 1, $"many-producers: {manyProducers}");
        Assert.Equal(1, manyProducers.Consumers);
        Assert.Equal(1, manyConsumers.Producers);
        Assert.True(manyConsumers.Consumers > 1, $"many-consumers: {manyConsumers}");
        Assert.Equal(1, capacityOne.Capacity);
        Assert.True(bursty.ProducerWork.HasBursts, $"bursty-producer: {bursty.ProducerWork}");
        Assert.True(Resolve("slow-consumer").Pipeline.ConsumerWork.Delay > TimeSpan.Zero);
        Assert.True(Resolve("slow-producer").Pipeline.ProducerWork.Delay > TimeSpan.Zero);
        Assert.True(Resolve("cpu-bound-consumers").Pipeline.ConsumerWork.CpuIterations > 0);
    }

    [Fact]
    public async Task AllRunsEveryScenarioOnBothEngines()
    {
        using var folder = new TempFolder();
        var json = folder.File("all.json");
        var report = folder.File("all.md");
        var scenarios = SettingsFolder.ScenarioNames(ShippedFolder).Where(name => name != "default").ToArray();

        // A small item count keeps every scenario short; the slow ones still wait a millisecond per item.
        var run = await CliRun.StartAsync("compare", "--all", "--items", "200", "--json", json, "--report", report);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, stderr: {run.Stderr}, stdout: {run.Stdout}");
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var reports = document.RootElement.EnumerateArray().ToArray();
        foreach (var scenario in scenarios)
        {
            var engines = reports.Where(item => item.GetProperty("scenario").GetString() == scenario).Select(item => item.GetProperty("engine").GetString());
            Assert.True(engines.SequenceEqual(["actor", "threaded"]), $"{scenario}: engines {string.Join(", ", engines)}");
            Assert.Contains(run.Stdout.Split('\n'), line => line.Contains(scenario, StringComparison.Ordinal) && line.Contains("threaded", StringComparison.Ordinal));
        }

        Assert.Equal(scenarios.Length * 2, reports.Length);
        Assert.All(reports, item => Assert.True(item.GetProperty("exactlyOnce").GetBoolean(), $"{item.GetProperty("scenario")} {item.GetProperty("engine")} lost or duplicated items"));
        Assert.All(reports, item => Assert.Equal(200, item.GetProperty("items").GetInt64()));

        var markdown = File.ReadAllText(report);
        Assert.Contains("## Summary", markdown);
        Assert.All(scenarios, scenario => Assert.Contains($"\n## {scenario}\n", markdown));
        Assert.Equal(["all.json", "all.md"], folder.FileNames());
    }

    private static RunSettings Resolve(string scenario) =>
        RunSettingsResolver.Resolve(new CommandLineArguments { Scenario = scenario }, ShippedFolder);
}
