using Affairs.EventStore;

namespace Affairs.EventStore.Tests;

public sealed class StreamNameTests
{
    [Theory]
    [InlineData("case-7f3a", "case")]
    [InlineData("resident-110101-1990", "resident")]
    public void the_category_is_the_text_before_the_first_dash(string name, string category)
    {
        Assert.Equal(category, new StreamName(name).Category);
    }

    [Theory]
    [InlineData("case")]
    [InlineData("-7f3a")]
    [InlineData("case-")]
    [InlineData("$all-x")]
    [InlineData("")]
    public void a_name_without_both_parts_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => new StreamName(name));
    }

    [Fact]
    public void a_category_filter_refuses_a_dash()
    {
        Assert.Throws<ArgumentException>(() => SubscriptionFilter.ForCategory("case-1"));
    }
}
