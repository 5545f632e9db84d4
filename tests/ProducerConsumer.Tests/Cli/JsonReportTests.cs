using System.Text.Json;

namespace ProducerConsumer.Tests.Cli;

/// <summary>The --json report of real runs: one camelCase object per engine, with every field the README promises.</summary>
public sealed class JsonReportTests
{
    private static readonly string[] NumberFields =
        ["produced", "consumed", "lost", "duplicated", "elapsedMs", "itemsPerSecond", "maxBufferDepth", "capacity", "producers", "consumers", "items", "maxBatch", "seed"];

    [Fact]
    public async Task CompareWritesOneObjectPerEngine()
    {
        using var folder = new TempFolder();
        var json = folder.File("results.json");

        var run = await CliRun.StartAsync("compare", "--items", "20000", "--json", json);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, stderr: {run.Stderr}");
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var reports = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["actor", "threaded"], reports.Select(report => report.GetProperty("engine").GetString()));
        foreach (var report in reports)
        {
            foreach (var field in NumberFields)
            {
                Assert.True(report.TryGetProperty(field, out var value), $"{field} is missing");
                Assert.Equal(JsonValueKind.Number, value.ValueKind);
            }

            // Two producers and two consumers define no order, so the report stores null.
            Assert.Equal(JsonValueKind.Null, report.GetProperty("inOrder").ValueKind);
            Assert.Equal(20000, report.GetProperty("produced").GetInt64());
            Assert.Equal(20000, report.GetProperty("consumed").GetInt64());
            Assert.Equal(0, report.GetProperty("lost").GetInt64());
            Assert.Equal(0, report.GetProperty("duplicated").GetInt64());
            Assert.True(report.GetProperty("exactlyOnce").GetBoolean());
            Assert.InRange(report.GetProperty("maxBufferDepth").GetInt32(), 1, 64);
            Assert.True(report.GetProperty("elapsedMs").GetDouble() > 0);
            Assert.True(report.GetProperty("itemsPerSecond").GetDouble() > 0);
            AssertMetricFields(report);
        }

        Assert.Equal(["results.json"], folder.FileNames());
    }

    /// <summary>
    /// Checks the fields that the metrics collector fills. Other tests may run an engine of the same name at the same
    /// time and add to the measurements, so the values are checked for type and range, not for exact counts.
    /// </summary>
    private static void AssertMetricFields(JsonElement report)
    {
        var engine = report.GetProperty("engine").GetString();
        Assert.Equal(JsonValueKind.Null, report.GetProperty("scenario").ValueKind);

        var latency = report.GetProperty("latency");
        Assert.True(latency.GetProperty("count").GetInt64() >= 20000, $"{engine}: latency of {latency.GetProperty("count")} items recorded");
        foreach (var percentile in (string[])["p50Ms", "p95Ms", "p99Ms", "maxMs"])
        {
            Assert.True(latency.GetProperty(percentile).GetDouble() >= 0, $"{engine}: latency {percentile} is negative");
        }

        Assert.True(latency.GetProperty("p50Ms").GetDouble() <= latency.GetProperty("p99Ms").GetDouble(), $"{engine}: p50 above p99");

        foreach (var waits in (string[])["producerWait", "consumerWait"])
        {
            var wait = report.GetProperty(waits);
            Assert.True(wait.GetProperty("count").GetInt64() >= 0);
            Assert.True(wait.GetProperty("totalMs").GetDouble() >= 0);
            Assert.Contains(wait.GetProperty("p95Ms").ValueKind, (JsonValueKind[])[JsonValueKind.Number, JsonValueKind.Null]);
        }

        foreach (var side in (string[])["producerFairness", "consumerFairness"])
        {
            var fairness = report.GetProperty(side);
            Assert.InRange(fairness.GetProperty("jainIndex").GetDouble(), 0.5, 1.0);
            Assert.InRange(fairness.GetProperty("minShare").GetDouble(), 0, 0.5);
            Assert.InRange(fairness.GetProperty("maxShare").GetDouble(), 0.5, 1);
            Assert.Equal(2, fairness.GetProperty("counts").GetArrayLength());
        }

        Assert.Contains(report.GetProperty("meanBufferDepth").ValueKind, (JsonValueKind[])[JsonValueKind.Number, JsonValueKind.Null]);
        Assert.True(report.GetProperty("peakWorkingSetBytes").GetInt64() >= report.GetProperty("startWorkingSetBytes").GetInt64());
        Assert.True(report.GetProperty("startWorkingSetBytes").GetInt64() > 0);

        var collections = report.GetProperty("gcCollections");
        foreach (var generation in (string[])["gen0", "gen1", "gen2"])
        {
            Assert.True(collections.GetProperty(generation).GetInt32() >= 0, $"{engine}: {generation} collections are negative");
        }
    }

    [Fact]
    public async Task OptionsOverrideFileInReport()
    {
        using var folder = new TempFolder();
        var config = folder.Write("small.conf", "producer-consumer { capacity = 3, producers = 1, consumers = 1, items = 5000, max-batch = 2 }\n");
        var json = folder.File("results.json");

        var run = await CliRun.StartAsync("run", "--impl", "threaded", "--config", config, "--capacity", "5", "--json", json, "--quiet");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, stderr: {run.Stderr}");
        Assert.Equal("", run.Stdout);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var report = Assert.Single(document.RootElement.EnumerateArray().ToArray());
        Assert.Equal(5, report.GetProperty("capacity").GetInt32());
        Assert.Equal(1, report.GetProperty("producers").GetInt32());
        Assert.Equal(1, report.GetProperty("consumers").GetInt32());
        Assert.Equal(2, report.GetProperty("maxBatch").GetInt32());
        Assert.Equal(5000, report.GetProperty("items").GetInt64());
        Assert.True(report.GetProperty("inOrder").GetBoolean());
        Assert.InRange(report.GetProperty("maxBufferDepth").GetInt32(), 1, 5);
    }

    [Fact]
    public async Task SuccessfulRunReplacesPreviousReport()
    {
        using var folder = new TempFolder();
        var json = folder.Write("results.json", "previous");

        var run = await CliRun.StartAsync("run", "--impl", "actor", "--items", "1000", "--json", json, "--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("[", File.ReadAllText(json));
        Assert.Equal(["results.json"], folder.FileNames());
    }
}
