using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
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
