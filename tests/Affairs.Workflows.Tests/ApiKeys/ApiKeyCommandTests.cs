using System.Security.Cryptography;
using System.Text;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.EventStore;
using Affairs.Workflows.ApiKeys;
using Affairs.Workflows.ApiKeys.Events;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.ApiKeys;

public sealed class ApiKeyCommandTests : IAsyncLifetime
{
    private static readonly Actor Admin = Actor.Of("admin-1", ActorRoles.Administrator);
    private readonly Engine _engine = new();

    public async Task InitializeAsync()
    {
        foreach (var id in new[] { "s-a", "s-boss" })
        {
            await _engine.Mediator.Send(new RegisterStaff(id, "某人", _engine.As(Admin)));
        }

        await _engine.Mediator.Send(new AppointSupervisor("s-boss", _engine.As(Admin)));
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task a_staff_key_gets_its_roles_from_what_the_member_of_staff_is()
    {
        await IssueStaff("k-a", "s-a", Hash(1));
        await IssueStaff("k-boss", "s-boss", Hash(2));

        var register = await Register();
        Assert.Equal([ActorRoles.Caseworker], register.Keys["k-a"].Roles);
        Assert.Equal([ActorRoles.Caseworker, ActorRoles.Supervisor], register.Keys["k-boss"].Roles);
        var issued = Assert.IsType<ApiKeyIssued>((await Events()).First());
        Assert.Equal((Hash(1), "admin-1", "s-a"), (issued.SecretHash, issued.IssuedBy, issued.StaffId));
    }

    [Fact]
    public async Task a_key_for_an_unknown_member_of_staff_is_refused_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () => await IssueStaff("k-x", "s-nobody", Hash(1)));

        Assert.Equal(["staffId"], Errors(error).Keys);
        Assert.Empty(await Events());
    }

    [Fact]
    public async Task a_client_key_needs_client_roles_and_an_integration_key_needs_scopes()
    {
        var caseworker = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new IssueApiKey("k-c", "portal", null, "portal", [ActorRoles.Caseworker], null, Hash(1), null, _engine.As(Admin))));
        var noScopes = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new IssueApiKey("k-c", "portal", null, "portal", [ActorRoles.Integration], [], Hash(1), null, _engine.As(Admin))));
        var both = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new IssueApiKey("k-c", "portal", "s-a", "portal", null, null, Hash(1), null, _engine.As(Admin))));

        Assert.Equal(["roles"], Errors(caseworker).Keys);
        Assert.Contains("integration", Errors(caseworker)["roles"][0], StringComparison.Ordinal);
        Assert.Equal(["scopes"], Errors(noScopes).Keys);
        Assert.Contains("staffId", Errors(both).Keys);
    }

    [Fact]
    public async Task an_expiry_in_the_past_is_refused()
    {
        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new IssueApiKey("k-a", "old", "s-a", null, null, null, Hash(1), _engine.Clock.GetUtcNow().AddMinutes(-1), _engine.As(Admin))));

        Assert.Equal(["expiresAt"], Errors(error).Keys);
    }

    [Fact]
    public async Task a_key_id_or_a_secret_is_issued_only_once()
    {
        await IssueStaff("k-a", "s-a", Hash(1));

        var sameId = await Assert.ThrowsAsync<CommandRejectedException>(async () => await IssueStaff("k-a", "s-a", Hash(2)));
        var sameSecret = await Assert.ThrowsAsync<CommandRejectedException>(async () => await IssueStaff("k-b", "s-a", Hash(1)));

        Assert.Equal(("apikey.exists", RejectionKind.Conflict), (sameId.Code, sameId.Kind));
        Assert.Equal(("apikey.secret-in-use", RejectionKind.Conflict), (sameSecret.Code, sameSecret.Kind));
    }

    [Fact]
    public async Task a_retried_issue_with_its_idempotency_key_issues_once_though_it_brings_a_new_secret()
    {
        var first = await _engine.Mediator.Send(new IssueApiKey("k-a", "counter", "s-a", null, null, null, Hash(1), null, _engine.As(Admin, "issue-1")));
        var retry = await _engine.Mediator.Send(new IssueApiKey("k-a", "counter", "s-a", null, null, null, Hash(2), null, _engine.As(Admin, "issue-1")));
        var other = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new IssueApiKey("k-a", "another label", "s-a", null, null, null, Hash(3), null, _engine.As(Admin, "issue-1"))));

        Assert.Equal(first, retry);
        Assert.Equal("idempotency.key-reused", other.Code);
        Assert.Single(await Events());
        Assert.Equal(Hash(1), (await Register()).Keys["k-a"].SecretHash);
    }

    [Fact]
    public async Task rotating_replaces_the_secret_and_keeps_the_old_one_for_the_grace_period()
    {
        await IssueStaff("k-a", "s-a", Hash(1));

        var rotated = await _engine.Mediator.Send(new RotateApiKey("k-a", Hash(2), 30, null, _engine.As(Admin)));

        var key = (await Register()).Keys["k-a"];
        Assert.Equal((Hash(2), Hash(1)), (key.SecretHash, key.PreviousSecretHash));
        Assert.Equal(_engine.Clock.GetUtcNow().AddMinutes(30), key.PreviousValidUntil);
        Assert.Equal(1, rotated.Revision);
        Assert.IsType<ApiKeyRotated>((await Events())[^1]);
    }

    [Fact]
    public async Task a_revoked_key_cannot_be_rotated_and_revoking_it_again_changes_nothing()
    {
        await IssueStaff("k-a", "s-a", Hash(1));
        var revoked = await _engine.Mediator.Send(new RevokeApiKey("k-a", "left the centre", null, _engine.As(Admin)));

        var again = await _engine.Mediator.Send(new RevokeApiKey("k-a", "again", null, _engine.As(Admin)));
        var rotate = await Assert.ThrowsAsync<CommandRejectedException>(async () => await _engine.Mediator.Send(new RotateApiKey("k-a", Hash(2), 0, null, _engine.As(Admin))));

        Assert.Equal(revoked, again);
        Assert.Equal(("apikey.revoked", RejectionKind.NotPermitted), (rotate.Code, rotate.Kind));
        var key = (await Register()).Keys["k-a"];
        Assert.Equal(("left the centre", "admin-1"), (key.Revocation!.Reason, key.Revocation.RevokedBy));
        Assert.Equal(2, (await Events()).Count);
    }

    [Fact]
    public async Task unknown_keys_are_not_found_and_a_revocation_needs_a_reason()
    {
        var rotate = await Assert.ThrowsAsync<CommandRejectedException>(async () => await _engine.Mediator.Send(new RotateApiKey("k-none", Hash(2), 0, null, _engine.As(Admin))));
        var revoke = await Assert.ThrowsAsync<CommandRejectedException>(async () => await _engine.Mediator.Send(new RevokeApiKey("k-none", "gone", null, _engine.As(Admin))));
        var get = await Assert.ThrowsAsync<CommandRejectedException>(async () => await _engine.Mediator.Send(new GetApiKey("k-none")));
        var noReason = await Assert.ThrowsAsync<CommandRejectedException>(async () => await _engine.Mediator.Send(new RevokeApiKey("k-none", " ", null, _engine.As(Admin))));

        Assert.All([rotate, revoke, get], e => Assert.Equal(("apikey.not-found", RejectionKind.NotFound), (e.Code, e.Kind)));
        Assert.Equal(["reason"], Errors(noReason).Keys);
    }

    [Fact]
    public async Task if_match_is_the_keys_own_revision_and_a_stale_one_is_a_conflict()
    {
        await IssueStaff("k-a", "s-a", Hash(1));
        await IssueStaff("k-b", "s-a", Hash(2));

        var stale = await Assert.ThrowsAsync<CommandRejectedException>(async () => await _engine.Mediator.Send(new RevokeApiKey("k-a", "gone", 1, _engine.As(Admin))));
        var revoked = await _engine.Mediator.Send(new RevokeApiKey("k-a", "gone", 0, _engine.As(Admin)));

        Assert.Equal(("concurrency.conflict", RejectionKind.Conflict), (stale.Code, stale.Kind));
        Assert.Equal(0L, stale.Details["currentRevision"]);
        Assert.Equal(new ApiKeyRevision("k-a", 2), revoked);
    }

    [Fact]
    public async Task the_list_shows_every_key_with_its_status()
    {
        await IssueStaff("k-a", "s-a", Hash(1));
        await _engine.Mediator.Send(new IssueApiKey("k-p", "portal", null, "portal", [ActorRoles.Integration], ["cases:read"], Hash(2), _engine.Clock.GetUtcNow().AddDays(1), _engine.As(Admin)));
        await _engine.Mediator.Send(new RevokeApiKey("k-a", "gone", null, _engine.As(Admin)));
        _engine.Clock.Advance(TimeSpan.FromDays(2));

        var list = await _engine.Mediator.Send(new ListApiKeys());

        Assert.Equal([("k-a", ApiKeyStatus.Revoked), ("k-p", ApiKeyStatus.Expired)], list.Keys.Select(k => (k.KeyId, k.Status)));
        Assert.Equal(2, list.Revision);
    }

    private Task<ApiKeyRevision> IssueStaff(string keyId, string staffId, string hash) =>
        _engine.Mediator.Send(new IssueApiKey(keyId, "counter", staffId, null, null, null, hash, null, _engine.As(Admin))).AsTask();

    private async Task<ApiKeyRegister> Register() =>
        await _engine.Services.GetRequiredService<ApiKeyStreams>().CatchUpAsync(ApiKeyRegister.Empty);

    private async Task<List<object>> Events()
    {
        var streams = _engine.Services.GetRequiredService<StreamRepository>();
        var stream = _engine.Services.GetRequiredService<ApiKeyStreams>().Stream;
        var events = new List<object>();
        await foreach (var recorded in _engine.Store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue))
        {
            events.Add(streams.Codec.Decode(recorded).Event);
        }

        return events;
    }

    private static IReadOnlyDictionary<string, string[]> Errors(CommandRejectedException error) => (IReadOnlyDictionary<string, string[]>)error.Details["errors"]!;

    private static string Hash(int n) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"key-{n}")));
}
