using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Stores.Sqlite.Tests;

/// <summary>The store's files hold personal data: readable by the owner only, from the first byte written.</summary>
public sealed class SqliteFileModeTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task the_database_its_wal_and_shm_are_0600_and_a_folder_it_creates_0700()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "new-folder", "events.db");
        await using var store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = file });
        await store.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.Events(1));

        Assert.Equal(OwnerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            Assert.True(File.Exists(path), path);
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task a_file_an_earlier_release_left_readable_by_others_is_narrowed_when_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var file = folder.File("old.db");
        await using (SqliteEventStore.Open(new SqliteEventStoreOptions { Path = file }))
        {
        }

        File.SetUnixFileMode(file, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using var reopened = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = file });

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(file));
    }
}
