using System.Globalization;

namespace Affairs.Host.Cli;

/// <summary>A one-line progress bar on standard error, redrawn in place.</summary>
internal sealed class ProgressBar(string label, long total, TextWriter output) : IProgress<long>
{
    private const int Width = 30;
    private int _lastPercent = -1;
    private bool _finished;

    public void Report(long value)
    {
        var percent = total <= 0 ? 100 : (int)Math.Min(100, value * 100 / total);
        if (_finished || (percent == _lastPercent && value < total))
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent * Width / 100;
        output.Write(string.Create(CultureInfo.InvariantCulture, $"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {value}/{total}"));
        if (value >= total)
        {
            _finished = true;
            output.WriteLine();
        }
    }
}
