using ProducerConsumer.Cli.Commands;
using ProducerConsumer.Cli.Settings;

namespace ProducerConsumer.Tests.Cli;

/// <summary>How options, a settings file and default.conf combine into the settings of a run.</summary>
public sealed class RunSettingsResolverTests
{
    private static readonly string ShippedFolder = SettingsFolder.Shipped;

    [Fact]
    public void OptionsOverrideTheFile()
    {
        using var folder = new TempFolder();
        var config = folder.Write("small.conf", "producer-consumer { capacity = 3, producers = 1, items = 500, seed = 7 }\n");

        var settings = RunSettingsResolver.Resolve(new CommandLineArguments { ConfigFile = config, Capacity = 5, Seed = 9 }, ShippedFolder);

        Assert.Equal(5, settings.Pipeline.Capacity);
        Assert.Equal(9, settings.Pipeline.Seed);
        Assert.Equal(1, settings.Pipeline.Producers);
        Assert.Equal(500, settings.Items);
    }

    [Fact]
    public void FileOverridesDefaults()
    {
        using var folder = new TempFolder();
        var config = folder.Write("slow.conf", "producer-consumer.consumer-work { delay = 2ms }\nakka.loglevel = DEBUG\n");

        var settings = RunSettingsResolver.Resolve(new CommandLineArguments { ConfigFile = config }, ShippedFolder);

        Assert.Equal(TimeSpan.FromMilliseconds(2), settings.Pipeline.ConsumerWork.Delay);
        Assert.Equal(0, settings.Pipeline.ConsumerWork.CpuIterations);
        Assert.False(settings.Pipeline.ConsumerWork.Random);
        Assert.Equal(64, settings.Pipeline.Capacity);
        Assert.Equal("DEBUG", settings.Config.GetString("akka.loglevel"));
    }

    [Fact]
    public void DefaultsApplyWithoutFile()
    {
        var settings = RunSettingsResolver.Resolve(new CommandLineArguments(), ShippedFolder);

        Assert.Equal(64, settings.Pipeline.Capacity);
        Assert.Equal(2, settings.Pipeline.Producers);
        Assert.Equal(2, settings.Pipeline.Consumers);
        Assert.Equal(256, settings.Pipeline.MaxBatch);
        Assert.Equal(42, settings.Pipeline.Seed);
        Assert.Equal(1_000_000, settings.Items);
        Assert.Equal(["actor", "threaded"], settings.Engines);
        Assert.Null(settings.Files.Overlay);
    }

    [Fact]
    public void RunSelectsOneEngine()
    {
        var settings = RunSettingsResolver.Resolve(new CommandLineArguments { Command = CommandLineArguments.RunCommand, Engine = "threaded" }, ShippedFolder);

        Assert.Equal(["threaded"], settings.Engines);
    }

    [Fact]
    public void InvalidOverrideNamesTheOption()
    {
        var error = Assert.Throws<UsageException>(() => RunSettingsResolver.Resolve(new CommandLineArguments { Consumers = -2 }, ShippedFolder));

        Assert.Equal("invalid consumers -2 from --consumers: the pipeline needs at least 1 consumer. Use 1 or more.", error.Message);
    }

    [Fact]
    public void ValidOverrideHidesInvalidFileValue()
    {
        using var folder = new TempFolder();
        var config = folder.Write("zero.conf", "producer-consumer.capacity = 0\n");

        var settings = RunSettingsResolver.Resolve(new CommandLineArguments { ConfigFile = config, Capacity = 8 }, ShippedFolder);

        Assert.Equal(8, settings.Pipeline.Capacity);
    }

    [Fact]
    public void InputIgnoresItemsOfTheFile()
    {
        using var folder = new TempFolder();
        var config = folder.Write("negative.conf", "producer-consumer.items = -5\n");

        var settings = RunSettingsResolver.Resolve(new CommandLineArguments { ConfigFile = config, Input = "lines.txt" }, ShippedFolder);

        Assert.Equal("lines.txt", settings.Input);
    }

    public static TheoryData<string> ShippedScenarios => new(SettingsFolder.ScenarioNames(ShippedFolder));

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void ShippedScenarioIsValid(string scenario)
    {
        var settings = RunSettingsResolver.Resolve(new CommandLineArguments { Scenario = scenario }, ShippedFolder);

        Assert.True(settings.Pipeline.Capacity >= 1);
        Assert.True(settings.Items >= 0);
    }

    [Fact]
    public void ShippedScenariosIncludeTheNamedOnes()
    {
        var names = SettingsFolder.ScenarioNames(ShippedFolder);

        foreach (var expected in (string[])["default", "balanced", "slow-consumer", "slow-producer", "capacity-1", "many-producers", "many-consumers"])
        {
            Assert.Contains(expected, names);
        }
    }

    [Fact]
    public void BurstKeysSetTheWork()
    {
        using var folder = new TempFolder();
        var config = folder.Write("bursts.conf", "producer-consumer.producer-work { burst-size = 250, burst-pause = 20ms }\n");

        var settings = RunSettingsResolver.Resolve(new CommandLineArguments { ConfigFile = config }, ShippedFolder);

        Assert.Equal(250, settings.Pipeline.ProducerWork.BurstSize);
        Assert.Equal(TimeSpan.FromMilliseconds(20), settings.Pipeline.ProducerWork.BurstPause);
        Assert.Equal(0, settings.Pipeline.ConsumerWork.BurstSize);
        Assert.Equal(TimeSpan.Zero, settings.Pipeline.ConsumerWork.BurstPause);
    }

    [Fact]
    public void ScenarioNameIsKept()
    {
        var settings = RunSettingsResolver.Resolve(new CommandLineArguments { Scenario = "capacity-1.conf" }, ShippedFolder);

        Assert.Equal("capacity-1", settings.Scenario);
        Assert.Null(RunSettingsResolver.Resolve(new CommandLineArguments(), ShippedFolder).Scenario);
    }

    [Fact]
    public void AllResolvesEveryScenarioButDefault()
    {
        var all = RunSettingsResolver.ResolveAll(new CommandLineArguments { All = true, Items = 10 }, ShippedFolder);

        var expected = SettingsFolder.ScenarioNames(ShippedFolder).Where(name => name != "default");
        Assert.Equal(expected, all.Select(settings => settings.Scenario));
        Assert.All(all, settings => Assert.Equal(10, settings.Items));
    }

    [Fact]
    public void ScenarioAcceptsConfExtension()
    {
        var settings = RunSettingsResolver.Resolve(new CommandLineArguments { Scenario = "capacity-1.conf" }, ShippedFolder);

        Assert.Equal(1, settings.Pipeline.Capacity);
    }
}
