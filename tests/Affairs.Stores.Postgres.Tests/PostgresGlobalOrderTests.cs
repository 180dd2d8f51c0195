using System.Collections.Concurrent;
using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Npgsql;

namespace Affairs.Stores.Postgres.Tests;

/// <summary>
/// PostgreSQL hands out sequence numbers that commit out of order. These tests hold a transaction open after it has
/// taken its position, as a slow writer in another process would, and check that no reader gets past it.
/// </summary>
[RequiresEnvironment(PostgresFixture.Variable)]
public sealed class PostgresGlobalOrderTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private const int Writers = 8;
    private const int PerWriter = 20;

    [ConformanceFact]
    public async Task a_subscriber_never_skips_an_append_that_commits_late_with_a_lower_position()
    {
        var store = await fixture.MigratedStoreAsync();
        var category = TestEvents.UniqueCategory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new ConcurrentQueue<RecordedEvent>();
        var subscriber = Subscribe(store, category, 1 + (Writers * PerWriter), received, timeout.Token);

        await using var late = new NpgsqlConnection(PostgresFixture.ConnectionString);
        await late.OpenAsync();
        await using var transaction = await late.BeginTransactionAsync();
        var lateEvent = TestEvents.Event();
        var latePosition = await AppendInSessionAsync(late, store.Schema, TestEvents.UniqueStream(category), lateEvent);
        var writing = WriteConcurrently(store, category);
        await Task.Delay(700);

        Assert.Empty(received);
        Assert.False(writing.IsCompleted);
        await transaction.CommitAsync();
        var sent = await writing;
        await subscriber.WaitAsync(timeout.Token);

        var events = received.ToList();
        Assert.Equal(lateEvent.EventId, events[0].EventId);
        Assert.Equal(latePosition, events[0].Position);
        Assert.Equal(sent.Append(lateEvent.EventId).Order(), events.Select(e => e.EventId).Order());
        Assert.True(events.Zip(events.Skip(1)).All(p => p.Second.Position > p.First.Position));
    }

    [ConformanceFact]
    public async Task appends_through_several_store_instances_reach_a_subscriber_exactly_once_in_order()
    {
        var first = fixture.CreateStore();
        var second = fixture.CreateStore(first.Schema);
        var reader = fixture.CreateStore(first.Schema);
        await first.MigrateAsync();
        var category = TestEvents.UniqueCategory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new ConcurrentQueue<RecordedEvent>();
        var subscriber = Subscribe(reader, category, 2 * Writers * PerWriter, received, timeout.Token);

        var sent = await Task.WhenAll(WriteConcurrently(first, category), WriteConcurrently(second, category));
        await subscriber.WaitAsync(timeout.Token);

        var events = received.ToList();
        Assert.Equal(sent.SelectMany(ids => ids).Order(), events.Select(e => e.EventId).Order());
        Assert.True(events.Zip(events.Skip(1)).All(p => p.Second.Position > p.First.Position));
    }

    [ConformanceFact]
    public async Task positions_from_a_sequence_alone_would_let_a_reader_skip_a_late_commit()
    {
        // The hazard the store guards against, shown on a naive table: a bigserial position and no lock.
        var table = $"\"{fixture.CreateStore().Schema}\".naive";
        await PostgresFixture.ScalarAsync<object>($"CREATE SCHEMA \"{table.Split('.')[0].Trim('"')}\"; CREATE TABLE {table} (position bigserial PRIMARY KEY); SELECT 1");
        await using var slow = new NpgsqlConnection(PostgresFixture.ConnectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand($"INSERT INTO {table} DEFAULT VALUES", slow, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await PostgresFixture.ScalarAsync<object>($"INSERT INTO {table} DEFAULT VALUES; SELECT 1");
        var checkpoint = await PostgresFixture.ScalarAsync<long>($"SELECT max(position) FROM {table}");
        await transaction.CommitAsync();

        Assert.Equal(2, checkpoint);
        Assert.Equal(0, await PostgresFixture.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE position > {checkpoint}"));
        Assert.Equal(1, await PostgresFixture.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE position < {checkpoint}"));
    }

    private static Task Subscribe(PostgresEventStore store, string category, int count, ConcurrentQueue<RecordedEvent> received, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await foreach (var @event in store.SubscribeAsync(SubscriptionFilter.ForCategory(category), 0, cancellationToken))
            {
                received.Enqueue(@event);
                if (received.Count == count)
                {
                    return;
                }
            }
        });

    private static async Task<Guid[]> WriteConcurrently(PostgresEventStore store, string category)
    {
        var sent = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var stream = TestEvents.UniqueStream(category);
            var ids = new List<Guid>();
            for (var i = 0; i < PerWriter; i++)
            {
                var @event = TestEvents.Event(index: i);
                await store.AppendAsync(stream, ExpectedRevision.Any, [@event]);
                ids.Add(@event.EventId);
            }

            return ids;
        })));
        return sent.SelectMany(ids => ids).ToArray();
    }

    /// <summary>Calls the store's own append statement in the caller's session and transaction, as another process would.</summary>
    private static async Task<long> AppendInSessionAsync(NpgsqlConnection connection, string schema, StreamName stream, EventToAppend @event)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT log_position FROM \"{schema}\".append_batch(ARRAY[$1], ARRAY[$2], ARRAY[-1::bigint], ARRAY[1], ARRAY[$3], ARRAY[$4], ARRAY[$5], ARRAY[$6], now(), $7)",
            connection);
        foreach (var value in new object[] { stream.Value, stream.Category, @event.EventId, @event.Type, @event.Data.ToArray(), @event.Metadata.ToArray(), schema + "_appended" })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
