using System.Reflection;
using Affairs.Workflows.Tests.AffairTypes;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>What the specifications must cover, read from the compiled definitions, and what they declare they cover.</summary>
public static class Coverage
{
    public static IReadOnlyList<string> TypeIds { get; } = [.. Definitions.BuiltInIds, Definitions.Sample];

    /// <summary>The registry: every <see cref="CoversAttribute"/> on a specification in this assembly, by method.</summary>
    public static ILookup<string, CoversAttribute> Claims { get; } = typeof(Coverage).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        .SelectMany(m => m.GetCustomAttributes<CoversAttribute>().Select(c => (m.Name, Claim: c)))
        .ToLookup(x => x.Name, x => x.Claim);

    public static IReadOnlySet<string> Covered { get; } = Claims.SelectMany(g => g).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every transition of every definition, one per source state, and one refusal per set of guarded alternatives.</summary>
    public static TheoryData<string> Required()
    {
        var keys = new TheoryData<string>();
        foreach (var id in TypeIds)
        {
            var type = Definitions.Compile(id);
            foreach (var group in type.Transitions.GroupBy(t => (t.From, t.Trigger)))
            {
                var alternatives = group.ToList();
                for (var i = 0; i < alternatives.Count; i++)
                {
                    keys.Add(Key(id, group.Key.From, group.Key.Trigger, alternatives[i].To, alternatives.Count > 1 ? i : -1));
                }

                if (alternatives.Count > 1)
                {
                    keys.Add(Key(id, group.Key.From, group.Key.Trigger, CoversAttribute.Refused, -1));
                }
            }
        }

        return keys;
    }

    public static string Key(string type, string from, string trigger, string to, int alternative) =>
        $"{type}: {from} --{trigger}--> {to}{(alternative >= 0 ? $" (alternative {alternative})" : "")}";
}
