using Affairs.Host.Cli;

namespace Affairs.Host.Tests.Cli;

/// <summary>The residents CSV reader against RFC 4180: quoting, line breaks, byte order mark, and refusals by line.</summary>
public sealed class ResidentCsvTests
{
    [Fact]
    public void a_quoted_field_holds_commas()
    {
        var records = ResidentCsv.Parse("identityNumber,name\n110101199003070014,\"王, 五\"\n");

        Assert.Equal(["110101199003070014", "王, 五"], records[1].Fields);
    }

    [Fact]
    public void a_quoted_field_holds_line_breaks_and_the_next_record_keeps_its_own_line_number()
    {
        var records = ResidentCsv.Parse("identityNumber,name,address\r\n1,\"王五\",\"东门街道\r\n3 号\"\r\n2,赵六,\n");

        Assert.Equal(3, records.Count);
        Assert.Equal((2, "东门街道\n3 号"), (records[1].Line, records[1].Fields[2]));
        Assert.Equal((4, "赵六"), (records[2].Line, records[2].Fields[1]));
    }

    [Fact]
    public void a_doubled_quote_inside_a_quoted_field_is_one_quote()
    {
        var records = ResidentCsv.Parse("name,address\n\"A \"\"quoted\"\" name\",\"\"\"\"\n");

        Assert.Equal(["A \"quoted\" name", "\""], records[1].Fields);
    }

    [Fact]
    public void a_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var records = ResidentCsv.Parse("\uFEFFidentityNumber,name\n1,王五");

        Assert.Equal("identityNumber", records[0].Fields[0]);
        Assert.Equal(["1", "王五"], records[1].Fields);
    }

    [Fact]
    public void crlf_lf_and_a_last_line_without_a_break_all_end_records()
    {
        var records = ResidentCsv.Parse("a,b\r\n1,2\n3,4");

        Assert.Equal([["a", "b"], ["1", "2"], ["3", "4"]], records.Select(r => r.Fields.ToArray()));
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void empty_fields_blank_lines_and_spaces_around_fields()
    {
        var records = ResidentCsv.Parse("a,b,c\n\n 1 , \"x, y\" ,\n");

        Assert.True(records[1].IsBlank);
        Assert.Equal(3, records[2].Line);
        Assert.Equal(["1", "x, y", ""], records[2].Fields);
    }

    [Fact]
    public void an_unterminated_quote_is_refused_with_the_line_it_opens_on_and_without_the_text()
    {
        var e = Assert.Throws<CsvFormatException>(() => ResidentCsv.Parse("identityNumber,name\n1,王五\n2,\"赵六\n3,孙七\n"));

        Assert.Equal(3, e.Line);
        Assert.Equal("line 3: a quoted field is not closed", e.Message);
    }

    [Theory]
    [InlineData("a,b\n1,王\"五\"\n", 2, "a quote inside an unquoted field")]
    [InlineData("a,b\n\"1\n\",\"王\"五\n", 3, "text after a closing quote")]
    public void a_stray_quote_is_refused_with_its_line(string csv, int line, string problem)
    {
        var e = Assert.Throws<CsvFormatException>(() => ResidentCsv.Parse(csv));

        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("王", e.Message, StringComparison.Ordinal);
    }
}
