using System.CommandLine;
using System.Globalization;
using Affairs.Domain.Staffing;
using Affairs.Host.Security;
using Affairs.Workflows.ApiKeys;
using Affairs.Workflows.Commands;
using Mediator;

namespace Affairs.Host.Cli;

/// <summary>
/// <c>keys issue|list|rotate|revoke</c>: the API's key administration on the command line, for the first key of a
/// deployment and for operators. The same commands as <c>/api/keys</c>, as the administrator <c>cli</c>; a secret is
/// printed once, on standard output, and never stored.
/// </summary>
internal static class KeysCommand
{
    private static readonly Actor Cli = Actor.Of("cli", ActorRoles.Administrator);

    public static Command Create(CliContext cli) =>
        new("keys", "Issue, list, rotate and revoke API keys (stored as events, hashes only; a secret is shown once).")
        {
            Issue(cli),
            List(cli),
            Rotate(cli),
            Revoke(cli),
        };

    private static Command Issue(CliContext cli)
    {
        var staff = new Option<string>("--staff") { Description = "The member of staff the key acts as (their roles follow from the organisation)." };
        var client = new Option<string>("--client") { Description = "The integration client the key acts as (with --role and --scope)." };
        var roles = new Option<string[]>("--role") { Description = "A role of a client key: auditor, administrator or integration (repeat for more).", AllowMultipleArgumentsPerToken = false };
        roles.AcceptOnlyFromAmong(ActorRoles.Auditor, ActorRoles.Administrator, ActorRoles.Integration);
        var scopes = new Option<string[]>("--scope") { Description = "A scope of a client key (repeat for more)." };
        scopes.AcceptOnlyFromAmong([.. Scopes.All]);
        var label = new Option<string>("--label") { Description = "What the key is for.", Required = true };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "When it stops working by itself (ISO 8601 time)." };
        var command = new Command("issue", "Issue a key bound to a member of staff (--staff) or to an integration client (--client); prints its secret once.")
        {
            staff, client, roles, scopes, label, expires,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(staff) is null) == (result.GetValue(client) is null))
            {
                result.AddError("Give exactly one of --staff and --client.");
            }
        });
        command.SetAction(parsed => cli.WithServicesAsync(async services =>
        {
            var binding = new ApiKeyBinding(parsed.GetValue(staff), parsed.GetValue(client), parsed.GetValue(roles), parsed.GetValue(scopes));
            var issued = await services.GetRequiredService<ApiKeyIssuer>().IssueAsync(binding, parsed.GetRequiredValue(label), parsed.GetValue(expires), Context("keys-issue"), CancellationToken.None);
            return Print(cli, issued);
        }));
        return command;
    }

    private static Command List(CliContext cli)
    {
        var command = new Command("list", "List every key with its binding and status; never a secret or its hash.");
        command.SetAction(_ => cli.WithServicesAsync(async services =>
        {
            var list = await services.GetRequiredService<IMediator>().Send(new ListApiKeys());
            cli.Output.WriteLine("key id\tstatus\tbound to\troles\tscopes\tlabel");
            foreach (var key in list.Keys)
            {
                cli.Output.WriteLine(Row(key));
            }

            return CliExitCodes.Success;
        }));
        return command;
    }

    private static Command Rotate(CliContext cli)
    {
        var key = new Argument<string>("key-id") { Description = "The key to give a new secret." };
        var grace = new Option<int>("--grace-minutes") { Description = "How long the old secret keeps working (0 to 10080; default 0)." };
        grace.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 7 * 24 * 60)
            {
                result.AddError("--grace-minutes is 0 to 10080 (a week).");
            }
        });
        var command = new Command("rotate", "Give a key a new secret, printed once; the old one works for --grace-minutes more.") { key, grace };
        command.SetAction(parsed => cli.WithServicesAsync(async services =>
        {
            var rotated = await services.GetRequiredService<ApiKeyIssuer>().RotateAsync(parsed.GetRequiredValue(key), parsed.GetValue(grace), null, Context("keys-rotate"), CancellationToken.None);
            return Print(cli, rotated);
        }));
        return command;
    }

    private static Command Revoke(CliContext cli)
    {
        var key = new Argument<string>("key-id") { Description = "The key to revoke." };
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the key's history).", Required = true };
        var command = new Command("revoke", "Revoke a key at once, with a reason.") { key, reason };
        command.SetAction(parsed => cli.WithServicesAsync(async services =>
        {
            var revoked = await services.GetRequiredService<ApiKeyIssuer>().RevokeAsync(parsed.GetRequiredValue(key), parsed.GetRequiredValue(reason), null, Context("keys-revoke"), CancellationToken.None);
            cli.Output.WriteLine(Row(revoked));
            return CliExitCodes.Success;
        }));
        return command;
    }

    private static int Print(CliContext cli, IssuedApiKey issued)
    {
        cli.Output.WriteLine(Row(issued.Key));
        if (issued.Secret is null)
        {
            cli.Error.WriteLine("This request was answered before; its secret is not shown again (rotate the key for a new one).");
            return CliExitCodes.Failed;
        }

        cli.Output.WriteLine($"secret (shown this once; send it as X-Api-Key): {issued.Secret}");
        return CliExitCodes.Success;
    }

    private static string Row(ApiKeyView key) => string.Join('\t',
        key.KeyId,
        key.Status.ToString().ToLowerInvariant(),
        key.StaffId is { } staff ? $"staff {staff}" : $"client {key.ClientId}",
        string.Join(',', key.Roles),
        string.Join(',', key.Scopes),
        key.Label.ReplaceLineEndings(" "));

    private static CommandContext Context(string what) =>
        new(Cli, Guid.NewGuid().ToString("N"), string.Create(CultureInfo.InvariantCulture, $"{what}-{Guid.NewGuid():N}"));
}
