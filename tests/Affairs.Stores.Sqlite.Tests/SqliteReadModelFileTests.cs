using Affairs.EventStore;

namespace Affairs.Stores.Sqlite.Tests;

/// <summary>
/// The read-model file holds only what the log can rebuild, so a file SQLite cannot read is set aside and the model
/// starts again empty (and is then rebuilt by its projection), instead of failing every query that reads it.
/// </summary>
public sealed class SqliteReadModelFileTests
{
    [Fact]
    public async Task a_file_that_is_not_a_database_is_set_aside_and_the_model_starts_again_empty()
    {
        using var folder = new TempFolder();
        var path = folder.File("board.readmodels.db");
        var first = new SqliteReadModelStore(path);
        Assert.True(await first.SaveAsync(new ReadModelChanges("board", 1, 40, [new ReadModelRow("case", "c1", "{}")], ReplaceAll: true)));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(path, Enumerable.Range(0, 16384).Select(i => (byte)(i * 31)).ToArray());

        var reopened = new SqliteReadModelStore(path);
        var setAside = new List<(string Path, string Aside, int Error)>();
        reopened.FileSetAside += (file, aside, error) => setAside.Add((file, aside, error));
        var loaded = await reopened.LoadAsync("board");
        Assert.True(await reopened.SaveAsync(new ReadModelChanges("board", 1, 7, [new ReadModelRow("case", "c2", "{}")], ReplaceAll: false)));
        var again = await reopened.LoadAsync("board");

        Assert.Null(loaded);
        var moved = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "board.readmodels.db.unreadable-*"));
        Assert.Equal((reopened.Path, moved, 26), Assert.Single(setAside));
        Assert.Equal((7L, "c2"), (again!.Checkpoint, Assert.Single(again.Rows).Key));
    }
}
