using System.Runtime.CompilerServices;
using Affairs.EventStore;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Staffing;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Staffing;

public sealed class OrganisationCommandTests : IAsyncLifetime
{
    private static readonly Actor Admin = Actor.Of("admin-1", ActorRoles.Administrator);
    private readonly Engine _engine = new();

    public async Task InitializeAsync()
    {
        foreach (var id in new[] { "s-a", "s-b", "s-boss" })
        {
            await _engine.Mediator.Send(new RegisterStaff(id, "某人", _engine.As(Admin)));
        }

        await _engine.Mediator.Send(new DefinePost("dibao", "低保岗", ["dibao"], 1, _engine.As(Admin)));
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task a_post_gets_exactly_one_A_and_one_B_who_are_two_registered_people()
    {
        var same = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new AssignPostHolders("dibao", "s-a", "s-a", "initial", _engine.As(Admin))));
        var unknown = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new AssignPostHolders("dibao", "s-a", "s-x", "initial", _engine.As(Admin))));
        await _engine.Mediator.Send(new AssignPostHolders("dibao", "s-a", "s-b", "initial", _engine.As(Admin)));

        Assert.Equal(["bHolderId"], ((IReadOnlyDictionary<string, string[]>)same.Details["errors"]!).Keys);
        Assert.Equal(["bHolderId"], ((IReadOnlyDictionary<string, string[]>)unknown.Details["errors"]!).Keys);
        var (org, _) = await _engine.Services.GetRequiredService<OrganisationDirectory>().CurrentAsync();
        Assert.Equal(("s-a", "s-b"), (org.Posts["dibao"].AHolderId, org.Posts["dibao"].BHolderId));
    }

    [Fact]
    public async Task every_reader_sees_the_organisation_as_new_as_it_was_when_it_asked_while_it_is_being_written()
    {
        // Slow organisation reads, so that writes land while reads are running.
        await using var engine = new Engine(services => services.AddSingleton<IEventStore>(
            new SlowOrganisationReads((IEventStore)services.First(d => d.ServiceType == typeof(IEventStore)).ImplementationInstance!)));
        foreach (var id in new[] { "s-a", "s-b" })
        {
            await engine.Mediator.Send(new RegisterStaff(id, "某人", engine.As(Admin)));
        }

        var directory = engine.Services.GetRequiredService<OrganisationDirectory>();
        var from = engine.Clock.GetUtcNow();
        var committed = -1L;
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                var written = await engine.Mediator.Send(new RegisterAbsence(i % 2 == 0 ? "s-a" : "s-b", from.AddDays(i), from.AddDays(i).AddHours(1), AbsenceKind.Leave, engine.As(Admin)));
                Interlocked.Exchange(ref committed, written.Revision);
            }
        });

        var stale = await Task.WhenAll(Enumerable.Range(0, 8).Select(reader => Task.Run(async () =>
        {
            var behind = 0;
            while (!writing.IsCompleted)
            {
                await Task.Delay(1 + (reader * 3)); // readers arrive at different moments of a running read
                var known = Interlocked.Read(ref committed);
                var (_, revision) = await directory.CurrentAsync();
                behind += revision < known ? 1 : 0;
            }

            return behind;
        })));
        await writing;

        Assert.Equal(0, stale.Sum());
        Assert.Equal(10, (await directory.CurrentAsync()).Organisation.Absences.Count);
    }

    private sealed class SlowOrganisationReads(IEventStore store) : IEventStore
    {
        public Task<AppendResult> AppendAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
            store.AppendAsync(stream, expected, events, cancellationToken);

        public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, ReadDirection direction, long fromRevision, long maxCount, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var events = await store.ReadStreamAsync(stream, direction, fromRevision, maxCount, cancellationToken).ToListAsync(cancellationToken);
            if (stream.Category == "organisation")
            {
                await Task.Delay(20, cancellationToken);
            }

            foreach (var recorded in events)
            {
                yield return recorded;
            }
        }

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(SubscriptionFilter filter, long afterPosition, long maxCount, CancellationToken cancellationToken = default) =>
            store.ReadAllAsync(filter, afterPosition, maxCount, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default) =>
            store.SubscribeAsync(filter, checkpoint, cancellationToken);
    }

    [Fact]
    public async Task registering_A_and_B_away_together_is_recorded_with_a_warning_for_the_supervisor()
    {
        await _engine.Mediator.Send(new AssignPostHolders("dibao", "s-a", "s-b", "initial", _engine.As(Admin)));
        var from = _engine.Clock.GetUtcNow();
        var first = await _engine.Mediator.Send(new RegisterAbsence("s-a", from, from.AddDays(2), AbsenceKind.Leave, _engine.As(Admin)));

        var second = await _engine.Mediator.Send(new RegisterAbsence("s-b", from.AddDays(1), from.AddDays(3), AbsenceKind.BusinessTrip, _engine.As(Admin)));

        Assert.Empty(first.Warnings);
        Assert.Contains("Post dibao: A (s-a) and B (s-b) are away at the same time", Assert.Single(second.Warnings), StringComparison.Ordinal);
        var (org, _) = await _engine.Services.GetRequiredService<OrganisationDirectory>().CurrentAsync();
        Assert.Equal(2, org.Absences.Count);
    }

    [Fact]
    public async Task the_directory_sees_every_change_made_since_it_last_looked()
    {
        var directory = _engine.Services.GetRequiredService<OrganisationDirectory>();
        var (before, revision) = await directory.CurrentAsync();

        await _engine.Mediator.Send(new AppointSupervisor("s-boss", _engine.As(Admin)));
        var (after, newRevision) = await directory.CurrentAsync();

        Assert.Null(before.SupervisorId);
        Assert.Equal("s-boss", after.SupervisorId);
        Assert.Equal(revision + 1, newRevision);
    }
}
