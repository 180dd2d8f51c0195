// Appends under load until it is killed, printing one line for every append the store acknowledged:
// "ack <stream> <first revision> <count> <first event id>". The crash test kills it with SIGKILL and checks the file.
using System.Globalization;
using System.Text;
using Affairs.EventStore;
using Affairs.Stores.Sqlite;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Affairs.Stores.Sqlite.CrashWriter <database file> <writers>");
    return 2;
}

var writers = int.Parse(args[1], CultureInfo.InvariantCulture);
var output = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
await using var store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = args[0], Durability = SqliteDurability.Full });
output.WriteLine("ready");

await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
{
    var stream = StreamName.For("crash", $"w{w}");
    var expected = ExpectedRevision.NoStream;
    for (var batch = 0; ; batch++)
    {
        var size = 1 + (batch % 4);
        var events = Enumerable.Range(0, size).Select(i => new EventToAppend(
            Guid.NewGuid(),
            "crash.appended.v1",
            Encoding.UTF8.GetBytes($$"""{"batch":{{batch}},"index":{{i}},"size":{{size}},"padding":"{{new string('x', 200)}}"}"""),
            "{}"u8.ToArray())).ToArray();
        var result = await store.AppendAsync(stream, expected, events);
        expected = ExpectedRevision.Exact(result.NextExpectedRevision);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {stream} {result.NextExpectedRevision - size + 1} {size} {events[0].EventId}"));
    }
})));
return 0;
