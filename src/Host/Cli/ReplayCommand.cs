using System.CommandLine;
using System.Text.Json;
using Affairs.Host.Privacy;
using Affairs.Workflows.Cases;
using Mediator;

namespace Affairs.Host.Cli;

/// <summary><c>replay &lt;case&gt; [--at &lt;time&gt;|--revision N]</c>: the case as it stood then, as JSON.</summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext cli)
    {
        var caseId = new Argument<string>("case") { Description = "The case id." };
        var at = new Option<DateTimeOffset?>("--at") { HelpName = "time", Description = "As it stood at this ISO 8601 time (UTC unless it names an offset).", CustomParser = CliValues.Time };
        var revision = new Option<long?>("--revision") { HelpName = "N", Description = "As it stood at this revision (0 is the opening).", CustomParser = CliValues.Revision };
        var command = new Command("replay", "Print a case as it stood at a revision or a moment, as JSON (the latest by default).") { caseId, at, revision };
        command.Validators.Add(result =>
        {
            if (result.GetResult(at) is not null && result.GetResult(revision) is not null)
            {
                result.AddError("Give --at or --revision, not both.");
            }
        });
        command.SetAction(parsed => cli.WithServicesAsync(async services =>
        {
            var view = await services.GetRequiredService<IMediator>().Send(new GetCase(parsed.GetRequiredValue(caseId), parsed.GetValue(revision), parsed.GetValue(at)));
            cli.Output.WriteLine(JsonSerializer.Serialize(view, new JsonSerializerOptions(PersonalDataJson.Unmasked) { WriteIndented = true }));
            return CliExitCodes.Success;
        }));
        return command;
    }
}
