using Affairs.Host.Cli;

namespace Affairs.Host.Tests;

/// <summary>The executable's commands, run against a test host's own store file.</summary>
public static class CliRun
{
    public static async Task<(int Code, string Output)> RunCliAsync(this HostFactory host, params string[] args)
    {
        var (code, output, _) = await host.RunCliWithErrorsAsync(args);
        return (code, output);
    }

    /// <summary>Also what the command wrote on standard error: problems and the progress bar.</summary>
    public static async Task<(int Code, string Output, string Error)> RunCliWithErrorsAsync(this HostFactory host, params string[] args)
    {
        _ = host.Services;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AffairsCli.RunAsync([.. args, $"--Store:Sqlite:Path={Path.Combine(host.DataFolder, "affairs.db")}", $"--Affairs:DataFolder={host.DataFolder}"], output, error, NoServer);
        return (code, output.ToString(), error.ToString());
    }

    private static Task<int> NoServer(string[] configuration, bool seed) => throw new InvalidOperationException("A command must not start the server.");
}
