using Affairs.Host.Cli;
using Affairs.Host.Hosting;

var command = CliArguments.Parse(args);
if (command.Name != "serve")
{
    return await CliRunner.RunAsync(command);
}

var app = AffairsApplication.Build(command.HostArguments, command.Has("seed"));
await app.RunAsync();
return 0;
