using System.Diagnostics;
using System.Globalization;

namespace Affairs.LoadTest;

/// <summary>
/// The host's process on this machine, for its CPU time: given by <c>--host-pid</c>, or found as the process listening
/// on the URL's port (Linux: <c>/proc/net/tcp*</c>, then the socket among the processes' open files).
/// </summary>
internal sealed class HostProcess(int pid)
{
    public int Id { get; } = pid;

    /// <summary>User and system CPU time the host has used so far.</summary>
    public TimeSpan CpuTime()
    {
        using var process = Process.GetProcessById(Id);
        return process.TotalProcessorTime;
    }

    public static HostProcess Find(Uri url, int? pid)
    {
        if (pid is { } given)
        {
            return new HostProcess(given);
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new ArgumentException("give the host's process id with --host-pid (it is found by its port on Linux only)");
        }

        var inodes = new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists).SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 9 && f[3] == "0A" && f[1].Contains(':', StringComparison.Ordinal)
                && int.Parse(f[1][(f[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == url.Port)
            .Select(f => $"socket:[{f[9]}]")
            .ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var candidate) || candidate == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(folder, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                {
                    return new HostProcess(candidate);
                }
            }
            catch (Exception error) when (error is UnauthorizedAccessException or IOException)
            {
                // Another user's process, or one that has just ended.
            }
        }

        throw new ArgumentException($"no process of this user listens on port {url.Port}; start the host, or give --host-pid");
    }
}
