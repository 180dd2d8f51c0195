using System.Globalization;

namespace Affairs.Samples.FeedClient;

/// <summary>
/// The last feed position this client has handled, kept in a file. It is saved after an event is handled, so after a
/// crash the client sees that event again (at least once): handlers deduplicate on the event id.
/// </summary>
internal sealed class Checkpoint(string file)
{
    public long Position { get; private set; } = File.Exists(file) ? long.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture) : 0;

    public void Save(long position)
    {
        Position = position;
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, position.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, file, overwrite: true);
    }
}
