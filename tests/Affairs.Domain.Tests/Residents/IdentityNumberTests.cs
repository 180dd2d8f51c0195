using Affairs.Domain.Residents;

namespace Affairs.Domain.Tests.Residents;

public sealed class IdentityNumberTests
{
    // The national standard's published example (GB 11643-1999): check character X.
    private const string StandardExample = "11010519491231002X";

    [Fact]
    public void the_standard_example_parses_with_its_birth_date_and_gender()
    {
        var number = IdentityNumber.Parse(StandardExample);

        Assert.Equal(new DateOnly(1949, 12, 31), number.BirthDate);
        Assert.Equal(Gender.Female, number.Gender);
        Assert.Equal("110105", number.AreaCode);
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    public void the_check_character_follows_iso_7064_mod_11_2(string first17, char check)
    {
        Assert.Equal(check, IdentityNumber.CheckCharacter(first17));
    }

    [Fact]
    public void a_lower_case_x_is_accepted_and_normalised()
    {
        Assert.Equal(StandardExample, IdentityNumber.Parse(StandardExample.ToLowerInvariant()).Value);
    }

    [Theory]
    [InlineData("110105194912310021", "check character")]
    [InlineData("1101051949123100", "18 characters")]
    [InlineData("110105194913310027", "birth date")]
    [InlineData("11010519491231A02X", "must be a digit")]
    public void an_invalid_number_is_refused_with_a_reason_that_does_not_repeat_it(string text, string reason)
    {
        Assert.False(IdentityNumber.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain(text, error, StringComparison.Ordinal);
    }

    [Fact]
    public void the_number_prints_masked()
    {
        var number = IdentityNumber.Parse(StandardExample);

        Assert.Equal("110105***********X", number.ToString());
        Assert.DoesNotContain("19491231", $"{number}", StringComparison.Ordinal);
    }
}
