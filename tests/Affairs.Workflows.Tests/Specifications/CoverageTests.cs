namespace Affairs.Workflows.Tests.Specifications;

public sealed class CoverageTests
{
    public static TheoryData<string> Transitions => Coverage.Required();

    [Theory]
    [MemberData(nameof(Transitions))]
    public void every_transition_has_a_specification(string transition) =>
        Assert.True(Coverage.Covered.Contains(transition), $"No specification declares [Covers] for {transition}.");

    [Fact]
    public void every_declared_transition_exists_in_its_definition()
    {
        var required = ((IEnumerable<object[]>)Coverage.Required()).Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], Coverage.Covered.Except(required).Order(StringComparer.Ordinal));
    }
}
