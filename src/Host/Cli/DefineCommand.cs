using Affairs.Domain.AffairTypes;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Host.Cli;

/// <summary><c>define &lt;file&gt; [--publish]</c>: validates an affair type definition (every problem with its JSON path), and publishes it.</summary>
internal static class DefineCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments command, TextWriter output)
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
            var type = await services.GetRequiredService<AffairTypeCatalog>().PublishAsync(json, "cli");
            output.WriteLine($"Published {type.Id} version {type.Version} ({type.ContentHash[..12]}…).");
        }

        return 0;
    }
}
