using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Stores.Sqlite.Tests;

public sealed class SqliteCrashTests
{
    [Fact]
    public async Task every_acknowledged_append_survives_sigkill_and_no_append_is_half_written()
    {
        using var folder = new TempFolder();
        var file = folder.File("crash.db");
        var acknowledged = new List<string>();
        using (var child = StartWriter(file, writers: 8))
        {
            var ready = await child.StandardOutput.ReadLineAsync();
            Assert.Equal("ready", ready);
            var target = 300 + Random.Shared.Next(300);
            while (acknowledged.Count < target && await child.StandardOutput.ReadLineAsync() is { } line)
            {
                acknowledged.Add(line);
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();

            // Lines the child printed before it died are acknowledgements too.
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                acknowledged.Add(line);
            }
        }

        Assert.True(acknowledged.Count >= 300, $"the child acknowledged only {acknowledged.Count} appends");
        await using var store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = file });
        foreach (var ack in acknowledged.Where(l => l.StartsWith("ack ", StringComparison.Ordinal)))
        {
            var parts = ack.Split(' ');
            var stream = new StreamName(parts[1]);
            var first = long.Parse(parts[2], CultureInfo.InvariantCulture);
            var count = int.Parse(parts[3], CultureInfo.InvariantCulture);
            var events = await store.ReadStreamAsync(stream, ReadDirection.Forwards, first, count).ToListAsync();
            Assert.Equal(count, events.Count);
            Assert.Equal(Guid.Parse(parts[4]), events[0].EventId);
        }

        for (var w = 0; w < 8; w++)
        {
            await AssertOnlyWholeBatches(store, StreamName.For("crash", $"w{w}"));
        }
    }

    private static async Task AssertOnlyWholeBatches(SqliteEventStore store, StreamName stream)
    {
        var expectedIndex = 0;
        var size = 0;
        await foreach (var @event in store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue))
        {
            using var json = JsonDocument.Parse(@event.Data);
            var index = json.RootElement.GetProperty("index").GetInt32();
            size = json.RootElement.GetProperty("size").GetInt32();
            Assert.Equal(expectedIndex, index);
            expectedIndex = index + 1 == size ? 0 : index + 1;
        }

        Assert.True(expectedIndex == 0, $"{stream} ends inside a batch of {size}");
    }

    private static Process StartWriter(string file, int writers)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "Affairs.Stores.Sqlite.CrashWriter.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(writers.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("The crash writer did not start.");
    }
}
