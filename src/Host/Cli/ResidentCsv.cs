using System.Text;

namespace Affairs.Host.Cli;

/// <summary>
/// Reads CSV as RFC 4180 has it: records separated by CRLF or LF, fields by commas; a field in double quotes may hold
/// commas, line breaks and doubled quotes. A leading byte order mark is skipped, and spaces around a field are
/// trimmed (a quoted field may start after spaces). Each record keeps the line it starts on. A malformed file — an
/// unclosed quote, a quote inside an unquoted field, text after a closing quote — is refused whole with the line,
/// never the text, since the text is personal data.
/// </summary>
internal static class ResidentCsv
{
    public static readonly string[] Required = ["identityNumber", "name"];

    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (state, line, recordLine, quoteLine) = (Field.Start, 1, 1, 1);
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            var newline = c is '\n' or '\r';
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (state == Field.Quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    state = Field.Closed;
                }
                else
                {
                    field.Append(newline ? "\n" : c);
                    line += newline ? 1 : 0;
                }
            }
            else if (c == ',' || newline)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
                state = Field.Start;
                if (newline)
                {
                    records.Add(new CsvRecord(recordLine, [.. fields]));
                    fields.Clear();
                    recordLine = ++line;
                }
            }
            else if (c == '"' && state != Field.Closed && string.IsNullOrWhiteSpace(field.ToString()))
            {
                field.Clear();
                (state, quoteLine) = (Field.Quoted, line);
            }
            else if (c == '"' || (state == Field.Closed && !char.IsWhiteSpace(c)))
            {
                throw new CsvFormatException(line, state == Field.Closed
                    ? "text after a closing quote (a quote inside a quoted field is written twice)"
                    : "a quote inside an unquoted field (quote the whole field and write the quote twice)");
            }
            else if (state != Field.Closed)
            {
                field.Append(c);
                state = Field.Unquoted;
            }
        }

        if (state == Field.Quoted)
        {
            throw new CsvFormatException(quoteLine, "a quoted field is not closed");
        }

        if (state != Field.Start || fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString().Trim());
            records.Add(new CsvRecord(recordLine, [.. fields]));
        }

        return records;
    }

    private enum Field
    {
        Start,
        Unquoted,
        Quoted,
        Closed,
    }
}
