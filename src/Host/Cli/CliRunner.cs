using Affairs.Host.Hosting;
using Affairs.Workflows.Hosting;
using Mediator;

namespace Affairs.Host.Cli;

/// <summary>Runs one command of the executable against the configured store, through the same services the server uses.</summary>
internal static class CliRunner
{
    public const string Usage = """
        Affairs — the case engine of a community service centre.

        Usage: Affairs.Host [command] [options] [--Key=Value configuration]
          serve [--seed]                          run the HTTP API (the default)
          replay <case> [--at <time>|--revision N] print a case as it stood then
          verify <case> | --all [--against digest.json]
                                                  recompute hash chains: one case, or every stream and the ledger
                                                  digests recorded in the log, and a digest kept outside (exit code 1
                                                  when anything does not match)
          digest                                  print the ledger digest of the log (JSON) to keep outside
          define <file> [--publish]               validate an affair type definition, and publish it
          import residents <csv>                  register residents from CSV (identityNumber,name,phone,address,gridId)
          rebuild                                 rebuild the read models (queues, deadlines, statistics) from the first event
          stats [--from D] [--to D] [--period year|quarter|month] [--type id]
                                                  print the statistics report
        """;

    public static async Task<int> RunAsync(CliArguments command, TextWriter? output = null)
    {
        output ??= Console.Out;
        if (command.Name == "help")
        {
            output.WriteLine(Usage);
            return 0;
        }

        var app = AffairsApplication.Build([.. command.HostArguments, "--Logging:LogLevel:Default=Warning", "--Affairs:Seed=never"]);
        await using (app)
        {
            await app.Services.GetRequiredService<AffairsStartup>().InitializeAsync();
            var services = app.Services;
            try
            {
                return command.Name switch
                {
                    "replay" => await ReplayCommand.RunAsync(services, command, output),
                    "verify" => await VerifyCommand.RunAsync(services, command, output),
                    "digest" => await DigestCommand.RunAsync(services, output),
                    "define" => await DefineCommand.RunAsync(services.GetRequiredService<IMediator>(), command, output),
                    "import" => await ImportResidentsCommand.RunAsync(services.GetRequiredService<IMediator>(), command, output),
                    "rebuild" => await RebuildCommand.RunAsync(services, output),
                    "stats" => await StatsCommand.RunAsync(services, command, output),
                    _ => Fail(Usage),
                };
            }
            catch (Domain.Rejections.CommandRejectedException e)
            {
                return Fail($"{e.Code}: {e.Message}");
            }
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
