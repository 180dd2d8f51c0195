namespace Affairs.Stores.Sqlite;

/// <summary>
/// Keeps the store readable by its owner only: a folder it creates is 0700, and the database file is created 0600
/// (empty, before SQLite opens it) so that SQLite, which gives the <c>-wal</c> and <c>-shm</c> files the database
/// file's permissions, creates those 0600 too. Files left 0644 by earlier releases are narrowed when opened.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder = File | UnixFileMode.UserExecute;

    public static void Prepare(string databaseFile)
    {
        var folder = Path.GetDirectoryName(databaseFile);
        if (OperatingSystem.IsWindows())
        {
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            return;
        }

        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, Folder);
        }

        if (!System.IO.File.Exists(databaseFile))
        {
            using var created = new FileStream(databaseFile, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = File });
        }

        foreach (var path in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            if (System.IO.File.Exists(path) && (System.IO.File.GetUnixFileMode(path) & ~File) != 0)
            {
                System.IO.File.SetUnixFileMode(path, File);
            }
        }
    }
}
