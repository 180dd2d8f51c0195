using System.CommandLine;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Commands;
using Mediator;

namespace Affairs.Host.Cli;

/// <summary>
/// <c>define &lt;file&gt; [--publish]</c>: validates an affair type definition (every problem with its JSON path), and
/// publishes it by the same command the API sends, as the administrator <c>cli</c>.
/// </summary>
internal static class DefineCommand
{
    private static readonly Actor Cli = Actor.Of("cli", ActorRoles.Administrator);

    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "The affair type definition (JSON)." };
        file.AcceptExistingOnly();
        var publish = new Option<bool>("--publish") { Description = "Publish it when it is valid." };
        var command = new Command("define", "Validate an affair type definition, listing every problem with its JSON path (exit code 1 when invalid).") { file, publish };
        command.SetAction(parsed => cli.WithServicesAsync(services =>
            RunAsync(services.GetRequiredService<IMediator>(), parsed.GetRequiredValue(file), parsed.GetValue(publish), cli.Output)));
        return command;
    }

    private static async Task<int> RunAsync(IMediator mediator, FileInfo file, bool publish, TextWriter output)
    {
        var json = await File.ReadAllTextAsync(file.FullName);
        var result = AffairTypeLoader.Load(json);
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems)
            {
                output.WriteLine($"{problem.Path}: {problem.Message} ({problem.Code})");
            }

            output.WriteLine($"{result.Problems.Count} problem(s); nothing was published.");
            return CliExitCodes.Failed;
        }

        output.WriteLine($"{result.Definition!.Id} version {result.Definition.Version} is valid.");
        if (publish)
        {
            var context = new CommandContext(Cli, Guid.NewGuid().ToString("N"), $"define-{Guid.NewGuid():N}");
            var type = await mediator.Send(new PublishAffairType(json, context));
            output.WriteLine($"Published {type.AffairTypeId} version {type.Version} ({type.ContentHash[..12]}…).");
        }

        return CliExitCodes.Success;
    }
}
