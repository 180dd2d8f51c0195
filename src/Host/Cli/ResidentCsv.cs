using System.Text;

namespace Affairs.Host.Cli;

/// <summary>
/// Reads the residents CSV: a header naming the columns (<c>identityNumber,name,phone,address,gridId</c>; order free,
/// phone, address and gridId optional), fields separated by commas, double quotes around fields that hold commas.
/// </summary>
internal static class ResidentCsv
{
    public static readonly string[] Required = ["identityNumber", "name"];

    public static IReadOnlyList<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
