using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Households;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Staffing;

namespace Affairs.Workflows.Tests.Pipeline;

public sealed class InputLimitsTests
{
    private static readonly CommandContext Context = new(Actor.Of("s-01", ActorRoles.Caseworker), "command-1", "correlation-1");

    [Fact]
    public void an_id_longer_than_the_limit_is_refused_naming_its_field()
    {
        var errors = Check(new AssignResidentGrid(new string('r', InputLimits.IdMaxLength + 1), "g-01", Context));

        Assert.Equal(["residentId"], errors.Keys);
    }

    [Fact]
    public void an_id_with_characters_outside_the_rule_is_refused()
    {
        var errors = Check(new AssignResidentGrid("r/../1", "g 01", Context));

        Assert.Equal(["gridId", "residentId"], errors.Keys.Order());
    }

    [Fact]
    public void a_required_id_left_empty_is_refused_and_an_optional_one_left_out_is_not()
    {
        var errors = Check(new RegisterHousehold(string.Empty, null, null, Context));

        Assert.Equal(["headResidentId"], errors.Keys);
    }

    [Fact]
    public void a_text_over_its_field_limit_is_refused_and_one_at_the_limit_is_not()
    {
        var over = Check(new RegisterStaff("s-new", new string('名', InputLimits.TextMaxLength("Name") + 1), Context));
        var at = Check(new RegisterStaff("s-new", new string('名', InputLimits.TextMaxLength("Name")), Context));

        Assert.Equal(["name"], over.Keys);
        Assert.Empty(at);
    }

    [Theory]
    [InlineData("\u0000张三")]
    [InlineData("张\n三")]
    [InlineData("\u202e三张")]
    [InlineData("张三\u200b")]
    [InlineData("张\u2028三")]
    public void a_name_with_a_control_or_invisible_formatting_character_is_refused(string name)
    {
        var errors = Check(new RegisterResident("11010519491231002X", name, null, "东门街道\n3 号", null, null, null, Context));

        Assert.Equal(["name"], errors.Keys);
    }

    [Theory]
    [InlineData("看过了\n第二行\t缩进", false)]
    [InlineData("看过了\u0000", true)]
    [InlineData("看过了\u001b[31m", true)]
    public void free_text_may_break_lines_but_holds_no_other_control_character(string text, bool refused)
    {
        var errors = Check(new AddNote("c-1", text, null, Context));

        Assert.Equal(refused ? ["text"] : [], errors.Keys);
    }

    [Fact]
    public void a_name_in_any_script_with_its_usual_marks_is_accepted()
    {
        Assert.Empty(Check(new RegisterStaff("s-new", "阿依古丽·买买提", Context)));
        Assert.Empty(Check(new RegisterStaff("s-new", "O'Brien-Smith", Context)));
    }

    [Fact]
    public void an_enum_value_the_enum_does_not_define_is_refused_listing_the_allowed_names()
    {
        var errors = Check(new RegisterAbsence("s-01", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), (AbsenceKind)99, Context));

        Assert.Contains("business-trip", Assert.Single(errors["kind"]), StringComparison.Ordinal);
    }

    [Fact]
    public void a_field_a_validator_already_refused_gets_no_second_message()
    {
        var errors = new ValidationErrors().Add("gridId", "A grid id is required.");

        InputLimits.Validate(new AssignResidentGrid("r1", string.Empty, Context), errors);

        Assert.Single(errors.ToDictionary()["gridId"]);
    }

    private static IReadOnlyDictionary<string, string[]> Check(object command)
    {
        var errors = new ValidationErrors();
        InputLimits.Validate(command, errors);
        return errors.ToDictionary();
    }
}
