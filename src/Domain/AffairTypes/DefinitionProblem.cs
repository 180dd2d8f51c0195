namespace Affairs.Domain.AffairTypes;

/// <summary>One fault in an affair-type definition.</summary>
/// <param name="Path">Where it is, as a JSON path into the document (<c>$.transitions[3].guard</c>).</param>
/// <param name="Code">A stable code for the rule broken (<c>unknown-post</c>, <c>unreachable-state</c>, …).</param>
/// <param name="Message">What is wrong, in words an administrator can act on.</param>
public sealed record DefinitionProblem(string Path, string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message} [{Code}]";
}
