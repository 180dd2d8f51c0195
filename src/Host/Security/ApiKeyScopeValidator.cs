using Affairs.Domain.Rejections;
using Affairs.Workflows.ApiKeys;
using Affairs.Workflows.Pipeline;

namespace Affairs.Host.Security;

/// <summary>Refuses a key with a scope this host does not know, naming the ones it does.</summary>
internal sealed class ApiKeyScopeValidator : ICommandValidator<IssueApiKey>
{
    public void Validate(IssueApiKey command, ValidationErrors errors) =>
        errors.AddIf((command.Scopes ?? []).Any(s => !Scopes.All.Contains(s)), "scopes", $"Each one of: {string.Join(", ", Scopes.All)}.");
}
