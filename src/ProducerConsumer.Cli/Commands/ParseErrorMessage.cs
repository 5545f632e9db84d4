using System.CommandLine;
using System.CommandLine.Parsing;
using ProducerConsumer.Cli.Running;

namespace ProducerConsumer.Cli.Commands;

/// <summary>
/// Turns System.CommandLine's parse errors into one line that names the offending token and the fix, in place of
/// its default help dump.
/// </summary>
internal static class ParseErrorMessage
{
    /// <summary>Describes the first parse error of <paramref name="result"/>, which must have at least one.</summary>
    public static string Format(ParseResult result, CliCommandLine commandLine)
    {
        var command = result.CommandResult.Command;
        var helpHint = $"Run '{HelpCommand(command, commandLine)}' for the options.";

        // An unknown token also makes the parser report errors that follow from it, so it is reported first.
        if (result.UnmatchedTokens.Count > 0)
        {
            return ForUnmatchedToken(result.UnmatchedTokens[0], command, commandLine, helpHint);
        }

        foreach (var error in result.Errors)
        {
            if ((error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult) is { } optionResult)
            {
                return ForOption(optionResult, commandLine, helpHint);
            }
        }

        // No known case reaches this line; it keeps the parser's own words, on one line.
        var message = string.Join(' ', result.Errors[0].Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return $"{message} {helpHint}";
    }

    private static string ForUnmatchedToken(string token, Command command, CliCommandLine commandLine, string helpHint)
    {
        if (token == commandLine.Engine.Name && command != commandLine.Run)
        {
            // Without a command the app runs compare, so both cases get the same message.
            return $"unknown option '{token}': it selects the engine of 'run', and 'compare' runs both. Use '{CliCommandLine.ExecutableName} run --impl actor' (or threaded).";
        }

        if (token.Length > 1 && token.StartsWith('-'))
        {
            return $"unknown option '{token}'{NameSuggestion.DidYouMean(token, commandLine.OptionNames(command))}. {helpHint}";
        }

        if (command == commandLine.Root)
        {
            string[] commands = [commandLine.Run.Name, commandLine.Compare.Name];
            return $"unknown command '{token}'{NameSuggestion.DidYouMean(token, commands)}. The commands are 'run' and 'compare'. {helpHint}";
        }

        if (command == commandLine.Run && EngineFactory.Names.Contains(token))
        {
            return $"unexpected argument '{token}' (did you mean '--impl {token}'?). {helpHint}";
        }

        return $"unexpected argument '{token}': '{command.Name}' takes options only. {helpHint}";
    }

    private static string ForOption(OptionResult optionResult, CliCommandLine commandLine, string helpHint)
    {
        var option = optionResult.Option;
        var tokens = optionResult.Tokens;

        if (option == commandLine.Engine && tokens.Count == 0)
        {
            return "missing option --impl: 'run' needs the engine to run. Use --impl actor or --impl threaded.";
        }

        if (tokens.Count == 0)
        {
            return $"missing value for {option.Name}. Give it as {option.Name} {option.HelpName ?? "VALUE"}. {helpHint}";
        }

        if (tokens.Count > 1)
        {
            var values = string.Join(", ", tokens.Select(token => $"'{token.Value}'"));
            return $"{option.Name} is given {tokens.Count} times ({values}). Give it once.";
        }

        return $"invalid value '{tokens[0].Value}' for {option.Name}: expected {Expected(option, commandLine)}.";
    }

    private static string Expected(Option option, CliCommandLine commandLine)
    {
        if (option == commandLine.Engine)
        {
            return string.Join(" or ", EngineFactory.Names);
        }

        if (option.ValueType == typeof(int))
        {
            return $"a whole number from {int.MinValue} to {int.MaxValue}";
        }

        return option.ValueType == typeof(bool) ? "true or false" : $"a value of type {option.ValueType.Name}";
    }

    private static string HelpCommand(Command command, CliCommandLine commandLine) =>
        command == commandLine.Root
            ? $"{CliCommandLine.ExecutableName} --help"
            : $"{CliCommandLine.ExecutableName} {command.Name} --help";
}
