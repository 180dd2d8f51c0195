namespace Affairs.Host.Cli;

/// <summary>A CSV file that is not well formed, at <see cref="Line"/>; the message never quotes the file's text.</summary>
internal sealed class CsvFormatException(int line, string problem) : Exception($"line {line}: {problem}")
{
    public int Line { get; } = line;
}
