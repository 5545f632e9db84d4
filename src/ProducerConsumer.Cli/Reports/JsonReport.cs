using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProducerConsumer.Cli.Reports;

/// <summary>Writes the results as a JSON array with one camelCase object per engine, in the order the engines ran.</summary>
internal static class JsonReport
{
    public static void Write(Stream stream, IReadOnlyList<EngineReport> reports) =>
        JsonSerializer.Serialize(stream, reports, JsonReportContext.Default.IReadOnlyListEngineReport);
}

/// <summary>Serialization code generated at build time, so the report needs no reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<EngineReport>))]
internal sealed partial class JsonReportContext : JsonSerializerContext
{
}
