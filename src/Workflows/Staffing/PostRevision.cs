namespace Affairs.Workflows.Staffing;

/// <summary>The answer of an organisation command about one post: which, and the organisation's revision after it.</summary>
/// <param name="PostId">The post's id.</param>
/// <param name="Revision">The organisation stream's revision after it.</param>
/// <param name="Warnings">Things the supervisor should look at.</param>
public sealed record PostRevision(string PostId, long Revision, IReadOnlyList<string> Warnings);
