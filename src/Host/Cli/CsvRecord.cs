namespace Affairs.Host.Cli;

/// <summary>One record of a CSV file: its fields, and the line of the file it starts on.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>Whether the record is a blank line (or only commas and spaces).</summary>
    public bool IsBlank => Fields.All(f => f.Length == 0);
}
