using System.Globalization;
using System.Text.Json;
using Affairs.Host.Privacy;
using Affairs.Workflows.Cases;
using Mediator;

namespace Affairs.Host.Cli;

/// <summary><c>replay &lt;case&gt; [--at &lt;time&gt;|--revision N]</c>: the case as it stood then, as JSON.</summary>
internal static class ReplayCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments command, TextWriter output)
    {
        if (command.Positionals.Count != 1)
        {
            return CliRunner.Fail("replay <case> [--at <ISO time>|--revision N]");
        }

        DateTimeOffset? at = null;
        long? revision = null;
        if (command.Option("at") is { } atText)
        {
            if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return CliRunner.Fail($"--at needs an ISO 8601 time, such as 2026-03-09T10:00:00+08:00.");
            }

            at = parsed;
        }

        if (command.Option("revision") is { } revisionText)
        {
            if (!long.TryParse(revisionText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return CliRunner.Fail("--revision needs a number.");
            }

            revision = parsed;
        }

        var view = await services.GetRequiredService<IMediator>().Send(new GetCase(command.Positionals[0], revision, at));
        output.WriteLine(JsonSerializer.Serialize(view, new JsonSerializerOptions(PersonalDataJson.Unmasked) { WriteIndented = true }));
        return 0;
    }
}
