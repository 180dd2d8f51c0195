using Affairs.Host.Cli;

namespace Affairs.Host.Tests;

/// <summary>The executable's commands, run against a test host's own store file.</summary>
public static class CliRun
{
    public static async Task<(int Code, string Output)> RunCliAsync(this HostFactory host, params string[] args)
    {
        _ = host.Services;
        using var output = new StringWriter();
        var code = await CliRunner.RunAsync(CliArguments.Parse([.. args, $"--Store:Sqlite:Path={Path.Combine(host.DataFolder, "affairs.db")}", $"--Affairs:DataFolder={host.DataFolder}"]), output);
        return (code, output.ToString());
    }
}
