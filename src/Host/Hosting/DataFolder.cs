using System.Security.Cryptography;

namespace Affairs.Host.Hosting;

/// <summary>
/// The folder the embedded deployment keeps its files in (<c>Affairs:DataFolder</c>, default <c>./data</c>): the SQLite
/// file and the generated resident pseudonym key. Secrets are written readable by the owner only.
/// </summary>
internal sealed class DataFolder(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static DataFolder From(IConfiguration configuration) => new(configuration["Affairs:DataFolder"] ?? "data");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The secret kept in <paramref name="name"/>, created with 32 random bytes on first use.</summary>
    public string Secret(string name)
    {
        var file = File(name);
        if (System.IO.File.Exists(file))
        {
            return System.IO.File.ReadAllText(file).Trim();
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        WriteOwnerOnly(file, secret);
        return secret;
    }

    /// <summary>Creates the folder if it is missing, readable by the owner only (0700).</summary>
    public void Create()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
        }
        else if (!Directory.Exists(Path))
        {
            Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="file"/> so that only the owner may read it (0600).</summary>
    public void WriteOwnerOnly(string file, string text)
    {
        Create();
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(file, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
