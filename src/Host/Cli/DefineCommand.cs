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

    public static async Task<int> RunAsync(IMediator mediator, CliArguments command, TextWriter output)
    {
        if (command.Positionals.Count != 1 || !File.Exists(command.Positionals[0]))
        {
            return CliRunner.Fail("define <file> [--publish]  (the file must exist)");
        }

        var json = await File.ReadAllTextAsync(command.Positionals[0]);
        var result = AffairTypeLoader.Load(json);
        if (!result.IsValid)
        {
            foreach (var problem in result.Problems)
            {
                output.WriteLine($"{problem.Path}: {problem.Message} ({problem.Code})");
            }

            output.WriteLine($"{result.Problems.Count} problem(s); nothing was published.");
            return 1;
        }

        output.WriteLine($"{result.Definition!.Id} version {result.Definition.Version} is valid.");
        if (command.Has("publish"))
        {
            var context = new CommandContext(Cli, Guid.NewGuid().ToString("N"), $"define-{Guid.NewGuid():N}");
            var type = await mediator.Send(new PublishAffairType(json, context));
            output.WriteLine($"Published {type.AffairTypeId} version {type.Version} ({type.ContentHash[..12]}…).");
        }

        return 0;
    }
}
