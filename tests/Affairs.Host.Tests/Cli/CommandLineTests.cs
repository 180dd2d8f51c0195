using Affairs.Host.Cli;

namespace Affairs.Host.Tests.Cli;

/// <summary>The command line itself: what is a command, an option, configuration or an error. No store is opened.</summary>
public sealed class CommandLineTests
{
    private readonly List<(string[] Configuration, bool Seed)> _served = [];

    [Fact]
    public async Task no_command_serves_with_the_configuration_and_seed()
    {
        var code = await Run("--Store=Postgres", "--Store:Postgres:Schema", "affairs", "--seed", "--urls", "http://127.0.0.1:5999");

        Assert.Equal(0, code.Code);
        var (configuration, seed) = Assert.Single(_served);
        Assert.True(seed);
        Assert.Equal(["--Store=Postgres", "--Store:Postgres:Schema", "affairs", "--urls", "http://127.0.0.1:5999"], configuration);
    }

    [Fact]
    public async Task serve_is_also_a_command_and_seeds_only_when_asked()
    {
        await Run("serve", "--Affairs:Seed=never");

        var (configuration, seed) = Assert.Single(_served);
        Assert.False(seed);
        Assert.Equal(["--Affairs:Seed=never"], configuration);
    }

    [Fact]
    public async Task an_unknown_command_is_an_error_with_the_help_and_does_not_start_the_server()
    {
        var (code, output, error) = await Run("replya", "c1");

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Empty(_served);
        Assert.Empty(output);
        Assert.Contains("Unrecognized command or argument 'replya'", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Contains("replay <case>", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_option_is_an_error_with_the_commands_help()
    {
        var (code, _, error) = await Run("replay", "c1", "--bogus");

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Empty(_served);
        Assert.Contains("Unrecognized command or argument '--bogus'", error, StringComparison.Ordinal);
        Assert.Contains("--revision <N>", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve", "--seed")]
    [InlineData("replay", "--revision <N>")]
    [InlineData("verify", "--against <digest.json>")]
    [InlineData("digest", "digest [options]")]
    [InlineData("define", "--publish")]
    [InlineData("import", "residents <csv>")]
    [InlineData("import residents", "identityNumber,name")]
    [InlineData("rebuild", "rebuild [options]")]
    [InlineData("stats", "--period <month|quarter|year>")]
    public async Task each_command_has_its_help(string command, string expected)
    {
        var (code, output, _) = await Run([.. command.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Empty(_served);
        Assert.Contains($"Usage:\n  {UsageName()} {command}", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_root_help_lists_every_command_and_how_configuration_is_given()
    {
        var (code, output, _) = await Run("--help");

        Assert.Equal(0, code);
        Assert.Empty(_served);
        Assert.All(new[] { "serve", "replay", "verify", "digest", "define", "import", "rebuild", "stats" }, c => Assert.Matches($@"\n  {c}\b", output.ReplaceLineEndings("\n")));
        Assert.Contains("--Store=Postgres", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--revision=3")]
    [InlineData("--revision:3")]
    [InlineData("--revision", "3")]
    public void a_revision_is_the_option_in_every_spelling_never_configuration(params string[] revision)
    {
        var (command, configuration) = ConfigurationArguments.Split(["replay", "c1", .. revision]);
        var parsed = AffairsCli.Build(Cli()).Parse(command);

        Assert.Empty(configuration);
        Assert.Empty(parsed.Errors);
        Assert.Equal(3L, parsed.GetValue<long?>("--revision"));
        Assert.Equal("c1", parsed.GetValue<string>("case"));
    }

    [Theory]
    [InlineData("--revision: 'abc' is not a revision; give a whole number, 0 or more.", "replay", "c1", "--revision", "abc")]
    [InlineData("--revision: '-1' is not a revision", "replay", "c1", "--revision=-1")]
    [InlineData("--at: 'yesterday' is not a time; give an ISO 8601 time", "replay", "c1", "--at", "yesterday")]
    [InlineData("Give --at or --revision, not both.", "replay", "c1", "--at", "2026-03-09T10:00:00+08:00", "--revision", "1")]
    [InlineData("--period: 'week' is not one of month, quarter, year.", "stats", "--period", "week")]
    [InlineData("--period: '2' is not one of month, quarter, year.", "stats", "--period", "2")]
    [InlineData("--from: '2026-13-01' is not a date; give one as yyyy-MM-dd", "stats", "--from", "2026-13-01")]
    [InlineData("Give the case to verify, or --all.", "verify")]
    [InlineData("Give a case or --all, not both.", "verify", "c1", "--all")]
    [InlineData("--against goes with --all.", "verify", "c1", "--against", "CommandLineTests.cs")]
    [InlineData("does not exist", "define", "no-such-definition.json")]
    [InlineData("does not exist", "import", "residents", "no-such-file.csv")]
    [InlineData("Required command was not provided.", "import")]
    [InlineData("Required argument missing for command: 'replay'.", "replay")]
    public async Task a_bad_value_is_refused_with_what_the_option_takes(string message, params string[] args)
    {
        var (code, output, error) = await Run(args);

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Empty(_served);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void configuration_is_upper_case_keys_the_hosts_own_settings_and_all_after_a_lone_double_dash()
    {
        var (command, configuration) = ConfigurationArguments.Split(
            ["--Store", "Postgres", "stats", "--from", "2026-01-01", "--Store:sqlite:path=x.db", "--contentRoot=/srv", "--period", "month", "--", "--whatever=1", "stats"]);

        Assert.Equal(["stats", "--from", "2026-01-01", "--period", "month"], command);
        Assert.Equal(["--Store", "Postgres", "--Store:sqlite:path=x.db", "--contentRoot=/srv", "--whatever=1", "stats"], configuration);
    }

    [Fact]
    public async Task a_lower_case_configuration_key_is_an_unknown_option_not_silently_ignored()
    {
        var (code, _, error) = await Run("--store:sqlite:path=x.db");

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Empty(_served);
        Assert.Contains("Unrecognized command or argument '--store:sqlite:path=x.db'", error, StringComparison.Ordinal);
    }

    private static string UsageName() => new System.CommandLine.RootCommand().Name;

    private CliContext Cli(TextWriter? output = null, TextWriter? error = null) =>
        new([], output ?? TextWriter.Null, error ?? TextWriter.Null, Serve);

    [Fact]
    public async Task serving_a_damaged_store_says_so_in_one_line_and_exits_with_1_without_touching_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "affairs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var store = Path.Combine(folder, "affairs.db");
            var garbage = new byte[8192];
            new Random(11).NextBytes(garbage);
            await File.WriteAllBytesAsync(store, garbage);
            using var output = new StringWriter();
            using var error = new StringWriter();

            var run = AffairsCli.RunAsync([$"--Store:Sqlite:Path={store}", $"--Affairs:DataFolder={folder}", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=None"], output, error);

            // A host that started serving instead would never return.
            Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(1))));
            Assert.Equal(1, await run);
            Assert.StartsWith("The event store cannot be opened: The SQLite event store file is damaged", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(garbage, await File.ReadAllBytesAsync(store));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task<int> Serve(string[] configuration, bool seed)
    {
        _served.Add((configuration, seed));
        return Task.FromResult(0);
    }

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AffairsCli.RunAsync(args, output, error, Serve);
        return (code, output.ToString(), error.ToString());
    }
}
