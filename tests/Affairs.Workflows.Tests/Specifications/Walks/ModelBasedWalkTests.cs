using System.Globalization;
using Affairs.Workflows.Tests.AffairTypes;
using Xunit.Abstractions;

namespace Affairs.Workflows.Tests.Specifications.Walks;

/// <summary>
/// For every definition, a seeded random walk checked at every step against the oracle. The seed comes from
/// AFFAIRS_WALK_SEED when set (to replay a failure), else a fixed default; AFFAIRS_WALK_STEPS sets the length.
/// </summary>
public sealed class ModelBasedWalkTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20260309;
    private const int DefaultSteps = 20_000;

    public static TheoryData<string> Types => [.. Coverage.TypeIds];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task a_random_walk_records_exactly_what_the_definition_allows(string type)
    {
        var seed = Setting("AFFAIRS_WALK_SEED", DefaultSeed);
        var steps = Setting("AFFAIRS_WALK_STEPS", DefaultSteps);
        await using var office = await Office.OpenAsync();
        var walk = new Walk(office, type, seed);

        await walk.RunAsync(steps);

        var all = Definitions.Compile(type).Transitions.Select(t => $"{t.From} --{t.Trigger}--> {t.To}").Distinct().ToList();
        output.WriteLine($"{type} seed {seed}: {steps} steps, {walk.Cases} cases, {all.Count(walk.Taken.Contains)} of {all.Count} transitions taken; never: {string.Join("; ", all.Where(t => !walk.Taken.Contains(t)))}");

        Assert.True(walk.Cases > steps / 100, $"{type} seed {seed}: only {walk.Cases} cases were opened in {steps} steps.");
        Assert.True(walk.Divergences.Count == 0, $"Replay with AFFAIRS_WALK_SEED={seed}.\n{string.Join("\n", walk.Divergences)}");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
