using Affairs.Domain.Cases.Events;
using Affairs.Domain.Events;
using Affairs.Domain.Households.Events;
using Affairs.Domain.Residents.Events;
using Affairs.Domain.Staffing;
using Affairs.Domain.Staffing.Events;
using Affairs.EventStore;
using Affairs.Workflows.Audit;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Ledger;
using Affairs.Workflows.Streams;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Affairs.Workflows.Tests.Ledger;

/// <summary>
/// The engine's services over a store, a small log of four streams of four kinds written through the stream repository,
/// and raw SQL on the store's own tables to tamper with it as someone with access to the database would.
/// </summary>
public abstract class TamperedLog : IAsyncLifetime
{
    public static readonly string[] Streams = ["resident-r1", "household-h1", "case-c1", "organisation-main"];

    private ServiceProvider _services = null!;

    protected abstract Task<IEventStore> OpenStoreAsync();

    /// <summary>The store's events table, as SQL names it.</summary>
    protected abstract string EventsTable { get; }

    /// <summary>Runs one statement on a connection of its own; parameters are named <c>@name</c>.</summary>
    protected abstract Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters);

    protected abstract Task CloseAsync();

    public IEventStore Store { get; private set; } = null!;

    public LedgerVerifier Verifier => _services.GetRequiredService<LedgerVerifier>();

    public ChainVerifier Chains => _services.GetRequiredService<ChainVerifier>();

    public IMediator Mediator => _services.GetRequiredService<IMediator>();

    public async Task InitializeAsync()
    {
        Store = await OpenStoreAsync();
        var services = new ServiceCollection();
        services.AddSingleton(Store);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAffairs(o => o.ResidentPseudonymKey = "test-key-0123456789abcdef");
        _services = services.BuildServiceProvider();
        await AppendRoundsAsync(4);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await CloseAsync();
    }

    /// <summary>One more event on each stream, per round.</summary>
    public async Task AppendRoundsAsync(int rounds)
    {
        var repository = _services.GetRequiredService<StreamRepository>();
        var at = new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var stream in Streams)
            {
                var loaded = await repository.LoadAsync(new StreamName(stream), Count.Instance);
                object @event = stream.Split('-')[0] switch
                {
                    "resident" => new ResidentContactChanged("r1", $"13800138{round:000}", "东门街道 1 号", at),
                    "household" => new HouseholdHeadChanged("h1", $"r{round}", at),
                    "case" => new CaseNoteAdded("c1", $"note {round}", "s-a", ActingRole.A, at),
                    _ => new StaffRegistered($"s-{round}", "某人", at),
                };
                await repository.AppendAsync(loaded, [@event], new EventMetadata("corr-test", $"cmd-{stream}-{round}", "s-a", null));
            }
        }
    }

    /// <summary>Records the ledger digest in the log now, covering everything written so far.</summary>
    public async Task<LedgerDigestRecorded> RecordDigestAsync() =>
        Assert.Single(await Mediator.Send(new RecordLedgerDigest(1000, TimeSpan.FromTicks(1), new CommandContext(Actor.System, "ledger-test", "ledger-test"))));

    public async Task<RecordedEvent> EventAsync(string stream, long revision) =>
        await Store.ReadStreamAsync(new StreamName(stream), ReadDirection.Forwards, revision, 1).SingleAsync();

    public Task<int> DeleteAsync(long position) =>
        ExecuteAsync($"DELETE FROM {EventsTable} WHERE position = @position", ("position", position));

    /// <summary>Swaps the positions of two events: their place in the log, not in their streams.</summary>
    public async Task SwapPositionsAsync(long first, long second)
    {
        await ExecuteAsync($"UPDATE {EventsTable} SET position = @parked WHERE position = @first", ("parked", -first), ("first", first));
        await ExecuteAsync($"UPDATE {EventsTable} SET position = @first WHERE position = @second", ("first", first), ("second", second));
        await ExecuteAsync($"UPDATE {EventsTable} SET position = @second WHERE position = @parked", ("second", second), ("parked", -first));
    }

    /// <summary>Swaps the revisions of two events of one stream, leaving their positions.</summary>
    public async Task SwapRevisionsAsync(RecordedEvent first, RecordedEvent second)
    {
        await ExecuteAsync($"UPDATE {EventsTable} SET revision = -1 WHERE position = @position", ("position", first.Position));
        await ExecuteAsync($"UPDATE {EventsTable} SET revision = @revision WHERE position = @position", ("revision", first.Revision), ("position", second.Position));
        await ExecuteAsync($"UPDATE {EventsTable} SET revision = @revision WHERE position = @position", ("revision", second.Revision), ("position", first.Position));
    }

    /// <summary>
    /// Edits one event's data and recomputes its hash and every later hash of its stream with the engine's own
    /// <see cref="HashChain"/>, as someone who knows how the chain is made would: the stream's chain verifies again.
    /// </summary>
    public async Task RewriteAsync(string stream, long revision, Func<string, string> edit)
    {
        var previous = string.Empty;
        Assert.True(revision == 0 || HashChain.TryOpen((await EventAsync(stream, revision - 1)).Metadata.Span, out _, out previous));
        await foreach (var recorded in Store.ReadStreamAsync(new StreamName(stream), ReadDirection.Forwards, revision, long.MaxValue))
        {
            var data = recorded.Revision == revision ? System.Text.Encoding.UTF8.GetBytes(edit(System.Text.Encoding.UTF8.GetString(recorded.Data.Span))) : recorded.Data.ToArray();
            Assert.True(HashChain.TryOpen(recorded.Metadata.Span, out var metadataLessHash, out _));
            previous = HashChain.Compute(recorded.Type, data, metadataLessHash, previous);
            await ExecuteAsync(
                $"UPDATE {EventsTable} SET data = @data, metadata = @metadata WHERE position = @position",
                ("data", data),
                ("metadata", HashChain.Seal(metadataLessHash, previous)),
                ("position", recorded.Position));
        }
    }

    private sealed class Count : IStateFold<int>
    {
        public static Count Instance { get; } = new();

        public int Initial => 0;

        public int Apply(int state, object @event) => state + 1;
    }
}
