using Akka.Configuration;
using ProducerConsumer.Cli.Settings;

namespace ProducerConsumer.Tests.Cli;

/// <summary>
/// The lexical check that runs before Akka's HOCON parser, which accepts these errors silently or never returns on
/// them.
/// </summary>
public sealed class HoconSyntaxCheckTests
{
    public static TheoryData<string, string> Rejected => new()
    {
        { "a {\n  b = 1\n", "'{' at line 1, column 3 is never closed" },
        { "a = [1, 2", "'[' at line 1, column 5 is never closed" },
        { "a = 1\n}\nb = 2", "unexpected '}' at line 2, column 1" },
        { "a = [1}", "'}' at line 1, column 7 does not match '[' at line 1, column 5" },
        { "a = \"open", "string that starts at line 1, column 5 is not closed" },
        { "a = \"open\\\nb = 1\"", "string that starts at line 1, column 5 is not closed" },
        { "a = [&]", "unexpected '&' at line 1, column 6" },
        { "a = [=]", "unexpected '=' inside the list opened at line 1, column 5" },
        { "a = [x:y]", "unexpected ':' inside the list" },
        { "a = ${?b}", "optional substitution '${?' at line 1, column 5" },
        { "a = \"\"\"text\"\"\"", "triple-quoted string at line 1, column 5" },
        { "a = cost$", "unexpected '$' at line 1, column 9" },
        { "a = b+c", "unexpected '+' at line 1, column 6" },
        { "a = why?", "unexpected '?' at line 1, column 8" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void ErrorIsFound(string text, string expected)
    {
        var error = HoconSyntaxCheck.FindError(text);

        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }

    private static readonly string[] AcceptedTexts =
    [
        "",
        "# only a comment with { and [\n",
        "// a comment with } and ]\na = 1",
        "a = \"{ [ } ] & ? $ \\\" quoted\"",
        "a { b = 1, c = [1, 2, { d = 3 }] }",
        "a : 1\nb : ${a}",
        "a = [1]\na += 2",
        "a = 1e+6",
        "a = \"http://example.com/x\"",
        "a = 5ms # trailing comment }",
        "a.b.c = on\r\n",
    ];

    public static TheoryData<string> Accepted => new(AcceptedTexts);

    [Theory]
    [MemberData(nameof(Accepted))]
    public void ValidTextPasses(string text)
    {
        Assert.Null(HoconSyntaxCheck.FindError(text));
    }

    [Fact]
    public async Task AcceptedTextParses()
    {
        foreach (var text in AcceptedTexts)
        {
            // A parser that never returns fails the test with a TimeoutException instead of hanging the run.
            var config = await Task.Run(() => ConfigurationFactory.ParseString(text)).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.NotNull(config);
        }
    }
}
