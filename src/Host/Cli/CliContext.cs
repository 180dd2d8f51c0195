using Affairs.Domain.Rejections;
using Affairs.EventStore;
using Affairs.Host.Hosting;
using Affairs.Host.Problems;
using Affairs.Workflows.Events;
using Affairs.Workflows.Hosting;
using Spectre.Console;

namespace Affairs.Host.Cli;

/// <summary>
/// What every command is given: the host's configuration arguments, where to write, how to start the server, and how
/// to run against the configured store through the same services the server uses.
/// </summary>
internal sealed class CliContext(string[] configuration, TextWriter output, TextWriter error, CliContext.Server serve)
{
    /// <summary>Starts the HTTP API with the given configuration; the answer is the exit code.</summary>
    public delegate Task<int> Server(string[] configuration, bool seed);

    public string[] Configuration { get; } = configuration;

    /// <summary>Where a command's answer goes (standard output).</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Where problems and progress go (standard error), so an answer can be piped whole.</summary>
    public TextWriter Error { get; } = error;

    public async Task<int> ServeAsync(bool seed)
    {
        try
        {
            return await serve(Configuration, seed);
        }
        catch (Exception failure) when (ExceptionChain.Find<EventStoreDamagedException>(failure) is { } damaged)
        {
            return StoreDamaged(damaged);
        }
    }

    /// <summary>Builds the engine on the configured store (no seeding, quiet logs), runs <paramref name="run"/>, and
    /// turns a refused command into its code and message with exit code 2.</summary>
    public async Task<int> WithServicesAsync(Func<IServiceProvider, Task<int>> run)
    {
        // Logs go to standard error with the problems, so that standard output is the answer alone and can be piped.
        var app = AffairsApplication.Build([.. Configuration, "--Logging:LogLevel:Default=Warning", "--Logging:Console:LogToStandardErrorThreshold=Trace", "--Affairs:Seed=never"]);
        await using (app)
        {
            try
            {
                await app.Services.GetRequiredService<AffairsStartup>().InitializeAsync();
                return await run(app.Services);
            }
            catch (CommandRejectedException e)
            {
                return Fail($"{e.Code}: {e.Message}");
            }
            catch (Exception failure) when (ExceptionChain.Find<EventStoreDamagedException>(failure) is { } damaged)
            {
                return StoreDamaged(damaged);
            }
            catch (Exception failure) when (ExceptionChain.Find<StoredEventUnreadableException>(failure) is { } unreadable)
            {
                // The message names the stream and revision, never the stored bytes.
                Error.WriteLine(unreadable.Message);
                return CliExitCodes.Failed;
            }
        }
    }

    /// <summary>Says on standard error that the store is damaged, without a stack trace (the host's log has it); exit code 1.</summary>
    private int StoreDamaged(EventStoreDamagedException damaged)
    {
        Error.WriteLine($"The event store cannot be opened: {damaged.Message}");
        return CliExitCodes.Failed;
    }

    /// <summary>Runs <paramref name="work"/> under a progress bar on standard error, completed when the work is.</summary>
    public async Task<T> WithProgressAsync<T>(string label, long total, Func<IProgress<long>, Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: Math.Max(total, 1));
                var result = await work(new TaskProgress(task));
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>Prints a usage problem on standard error; exit code 2.</summary>
    public int Fail(string message)
    {
        Error.WriteLine(message);
        return CliExitCodes.Usage;
    }

    private sealed class TaskProgress(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = Math.Min(value, task.MaxValue);
    }
}
