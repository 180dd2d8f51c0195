using Affairs.Domain.Calendar;
using Affairs.EventStore;
using Affairs.Domain.Staffing;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Streams;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Affairs.Workflows.Tests;

/// <summary>The engine in-process on a fresh SQLite file, with a fake clock starting Monday 9 March 2026, 09:00 Beijing time.</summary>
public sealed class Engine : IAsyncDisposable
{
    private static long s_hosts;
    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly ServiceProvider _services;
    private int _commands;

    /// <summary>A fresh engine; or, given <paramref name="sharing"/>, a second host (or a restarted one) on the same store file and clock.</summary>
    public Engine(Action<IServiceCollection>? configure = null, Engine? sharing = null)
    {
        _folder = sharing?._folder ?? Path.Combine(Path.GetTempPath(), "affairs-tests", Guid.NewGuid().ToString("N"));
        _ownsFolder = sharing is null;
        Clock = sharing?.Clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero));
        Directory.CreateDirectory(_folder);
        Store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = Path.Combine(_folder, "events.db"), Durability = SqliteDurability.Normal, TimeProvider = Clock });
        var services = new ServiceCollection();
        services.AddSingleton<IEventStore>(Store);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IIdSource>(new SequentialIdSource(sharing is null ? 0 : Interlocked.Increment(ref s_hosts) * 1_000_000_000L));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAffairs(o =>
        {
            o.ResidentPseudonymKey = "test-key-0123456789abcdef";
            foreach (var schedule in HolidayScheduleFile.LoadFolder(Path.Combine(AppContext.BaseDirectory, "calendars")))
            {
                o.HolidaySchedules.Add(schedule);
            }
        });
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    /// <summary>Loads the catalogs and publishes the built-in affair types, as the host does at start.</summary>
    public Task StartAsync() => _services.GetRequiredService<AffairsStartup>().InitializeAsync();

    public FakeTimeProvider Clock { get; }

    public SqliteEventStore Store { get; }

    public IServiceProvider Services => _services;

    public IMediator Mediator => _services.GetRequiredService<IMediator>();

    public string DatabaseFile => Path.Combine(_folder, "events.db");

    /// <summary>A context for the next command by <paramref name="actor"/>.</summary>
    public CommandContext As(Actor actor, string? idempotencyKey = null) =>
        new(actor, $"cmd-{Interlocked.Increment(ref _commands)}", "corr-test", idempotencyKey);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
        if (_ownsFolder)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
