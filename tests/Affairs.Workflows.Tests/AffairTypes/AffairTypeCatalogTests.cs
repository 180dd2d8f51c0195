using System.Text;
using System.Text.Json.Nodes;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.AffairTypes.Events;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.EventStore;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Audit;
using Affairs.Workflows.Events;
using Affairs.Workflows.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.AffairTypes;

public sealed class AffairTypeCatalogTests : IAsyncLifetime
{
    private static readonly Actor Admin = Actor.Of("admin-1", ActorRoles.Administrator);
    private readonly Engine _engine = new();

    private AffairTypeCatalog Catalog => _engine.Services.GetRequiredService<AffairTypeCatalog>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    /// <summary>The sample as version 2: urgent grants are gone and the post decides every amount alone.</summary>
    private static string SampleVersion2()
    {
        var root = JsonNode.Parse(Definitions.Json(Definitions.Sample), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        root["version"] = 2;
        var transitions = root["transitions"]!.AsArray();
        transitions.RemoveAt(1);
        return root.ToJsonString();
    }

    private static Task<AffairTypeRevision> Publish(Engine engine, string json, string? idempotencyKey = null) =>
        engine.Mediator.Send(new PublishAffairType(json, engine.As(Admin, idempotencyKey))).AsTask();

    private Task<AffairTypeRevision> Publish(string json, string? idempotencyKey = null) => Publish(_engine, json, idempotencyKey);

    private Task<AffairTypeRevision> Retire(int version, string reason) =>
        _engine.Mediator.Send(new RetireAffairTypeVersion(Definitions.Sample, version, reason, _engine.As(Admin))).AsTask();

    private async Task<AffairTypeCatalog> ReloadedAsync()
    {
        var reloaded = new AffairTypeCatalog(_engine.Store);
        await reloaded.LoadAsync();
        return reloaded;
    }

    private async Task<List<RecordedEvent>> Stream(string id)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in _engine.Store.ReadStreamAsync(AffairTypeCatalog.StreamFor(id), ReadDirection.Forwards, 0, 100))
        {
            events.Add(e);
        }

        return events;
    }

    [Fact]
    public async Task built_in_types_and_an_administrators_type_are_published_as_events_and_read_back()
    {
        await _engine.StartAsync();
        var sample = await Publish(Definitions.Json(Definitions.Sample));

        var reloaded = await ReloadedAsync();

        Assert.Equal([.. Definitions.BuiltInIds.Append(Definitions.Sample).Order(StringComparer.Ordinal)], reloaded.Ids);
        Assert.Equal(sample.ContentHash, reloaded.Resolve(Definitions.Sample, 1).ContentHash);
        Assert.Equal(Catalog.Resolve("dibao", 3).Mermaid, reloaded.Resolve("dibao", 3).Mermaid);
        var published = Assert.Single(await Stream(Definitions.Sample));
        Assert.Equal("affairtype.published.v1", published.Type);
        var definition = ((AffairTypePublished)_engine.Services.GetRequiredService<EventCodec>().Decode(published).Event).Definition;
        Assert.Equal("临时救助", definition.GetProperty("name").GetProperty("zh-CN").GetString());
        Assert.Contains("admin-1", Encoding.UTF8.GetString(published.Metadata.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_publication_carries_its_actor_correlation_and_command_and_its_place_in_the_chain()
    {
        await _engine.StartAsync();
        await Publish(Definitions.Json(Definitions.Sample));
        await Publish(SampleVersion2());
        await Retire(1, "Replaced by version 2.");

        var codec = _engine.Services.GetRequiredService<EventCodec>();
        var events = (await Stream(Definitions.Sample)).Select(codec.Decode).ToList();
        var builtIn = codec.Decode((await Stream("dibao"))[0]);

        Assert.All(events, e => Assert.Equal(("admin-1", "corr-test"), (e.Metadata.ActorId, e.Metadata.CorrelationId)));
        Assert.Equal(3, events.Select(e => e.Metadata.CausationId).Distinct().Count());
        Assert.Equal("system", builtIn.Metadata.ActorId);
        var chains = _engine.Services.GetRequiredService<ChainVerifier>();
        var check = await chains.VerifyAsync(AffairTypeCatalog.StreamFor(Definitions.Sample));
        Assert.True(check.Valid, check.Problem);
        Assert.Equal(3, check.EventsChecked);
        Assert.Empty((await chains.VerifyCategoryAsync(AffairTypeCatalog.Category)).Broken);
    }

    [Fact]
    public async Task a_version_stored_with_an_actor_alone_still_loads_and_the_next_is_chained_after_it()
    {
        var type = Definitions.Compile(Definitions.Sample);
        var old = new AffairTypePublished(type.Id, 1, System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(type.CanonicalJson.Span), type.ContentHash);
        var web = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        await _engine.Store.AppendAsync(AffairTypeCatalog.StreamFor(type.Id), ExpectedRevision.NoStream, [new EventToAppend(
            Guid.Parse("5f0c7a55-3c1e-4f4e-9a51-3d6f0f6b2a01"), "affairtype.published.v1", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(old, web), Encoding.UTF8.GetBytes("""{"actor":"admin-0"}"""))]);

        var again = await Publish(Definitions.Json(Definitions.Sample));
        var next = await Publish(SampleVersion2());

        Assert.Equal((0L, 1L), (again.Revision, next.Revision));
        var events = (await Stream(Definitions.Sample)).Select(_engine.Services.GetRequiredService<EventCodec>().Decode).ToList();
        Assert.Equal((string.Empty, "admin-1"), (events[0].Hash, events[1].Metadata.ActorId));
        Assert.Equal([1, 2], (await ReloadedAsync()).Versions(Definitions.Sample).Select(v => v.Type.Version));
    }

    [Fact]
    public async Task publishing_identical_content_again_changes_nothing()
    {
        await _engine.StartAsync();
        var reformatted = Definitions.Json("dibao").Replace("\n", "\n  ", StringComparison.Ordinal);

        await _engine.StartAsync();
        var again = await Publish(reformatted);

        Assert.Single(await Stream("dibao"));
        Assert.Equal(0, again.Revision);
    }

    [Fact]
    public async Task the_same_idempotency_key_answers_as_the_first_publication_did()
    {
        var first = await Publish(Definitions.Json(Definitions.Sample), "publish-sample-1");
        await Retire(1, "Replaced by the district scheme.");

        var retried = await Publish(Definitions.Json(Definitions.Sample), "publish-sample-1");
        var plain = await Publish(Definitions.Json(Definitions.Sample));

        Assert.Equal(first, retried);
        Assert.Equal((0L, 1L), (retried.Revision, plain.Revision));
        Assert.Equal(2, (await Stream(Definitions.Sample)).Count);
    }

    [Fact]
    public async Task a_published_version_is_never_changed()
    {
        await Publish(Definitions.Json(Definitions.Sample));
        var changed = SampleVersion2().Replace("\"version\":2", "\"version\":1", StringComparison.Ordinal);

        var conflict = await Assert.ThrowsAsync<CommandRejectedException>(() => Publish(changed));

        Assert.Equal((RejectionKind.Conflict, PublishedVersions.ConflictCode), (conflict.Kind, conflict.Code));
        Assert.Equal("Version 1 of 'affairtype-temporary-assistance' is already published with other content; publish a new version instead.", conflict.Message);
        Assert.Single(await Stream(Definitions.Sample));
        Assert.Contains("grant-urgently", Catalog.Resolve(Definitions.Sample, 1).Triggers);
    }

    [Fact]
    public async Task versions_only_go_up()
    {
        await Publish(SampleVersion2());

        var conflict = await Assert.ThrowsAsync<CommandRejectedException>(() => Publish(Definitions.Json(Definitions.Sample)));

        Assert.Equal(PublishedVersions.ConflictCode, conflict.Code);
    }

    [Fact]
    public async Task an_invalid_definition_is_refused_with_every_problem_and_nothing_is_stored()
    {
        var broken = Definitions.Json(Definitions.Sample)
            .Replace("\"handler\": \"dibao\"", "\"handler\": \"welfare\"", StringComparison.Ordinal)
            .Replace("amountGranted <= param.temporaryAssistanceCap", "amountGrantd <= param.temporaryAssistanceCap", StringComparison.Ordinal);

        var invalid = await Assert.ThrowsAsync<CommandRejectedException>(() => Publish(broken));

        Assert.Equal((RejectionKind.Validation, AffairTypeCatalog.InvalidCode), (invalid.Kind, invalid.Code));
        Assert.Equal(["unknown-post", "unknown-post", "guard-unknown-name"], Problems(invalid).Select(p => p.Code));
        Assert.Empty(await Stream(Definitions.Sample));
        Assert.Throws<AffairTypeNotFoundException>(() => Catalog.Resolve(Definitions.Sample, 1));
    }

    [Fact]
    public async Task a_case_stays_pinned_to_the_version_it_was_opened_under()
    {
        await Publish(Definitions.Json(Definitions.Sample));
        var openedUnder = Catalog.ForNewCase(Definitions.Sample).Version;

        await Publish(SampleVersion2());
        var reloaded = await ReloadedAsync();

        foreach (var c in new[] { Catalog, reloaded })
        {
            var pinned = c.Resolve(Definitions.Sample, openedUnder);
            var machine = pinned.CreateMachine(Scenarios.In(pinned, "application"), Scenarios.Everyone, Scenarios.Parameters(pinned), Scenarios.DecisionTime);
            Assert.Equal("granted", machine.Answer("grant-urgently").Destination);
            var latest = c.ForNewCase(Definitions.Sample);
            Assert.Equal(2, latest.Version);
            Assert.Equal(RefusalCodes.UnknownTrigger, latest.CreateMachine(Scenarios.In(latest, "application"), Scenarios.Everyone, Scenarios.Parameters(latest), Scenarios.DecisionTime).Answer("grant-urgently").Refusals[0].Code);
        }
    }

    [Fact]
    public async Task a_retired_version_opens_no_new_cases_but_still_resolves_for_its_cases()
    {
        await Publish(Definitions.Json(Definitions.Sample));
        await Publish(SampleVersion2());

        await Retire(2, "Urgent grants must stay available.");
        await Retire(2, "Urgent grants must stay available.");
        var reloaded = await ReloadedAsync();

        Assert.Equal(["affairtype.published.v1", "affairtype.published.v1", "affairtype.retired.v1"], (await Stream(Definitions.Sample)).Select(e => e.Type));
        Assert.Equal(1, reloaded.ForNewCase(Definitions.Sample).Version);
        Assert.Equal(2, reloaded.Resolve(Definitions.Sample, 2).Version);
        Assert.Equal("Urgent grants must stay available.", reloaded.Versions(Definitions.Sample)[1].RetiredReason);
        await Retire(1, "Replaced by the district scheme.");
        Assert.Throws<AffairTypeNotFoundException>(() => Catalog.ForNewCase(Definitions.Sample));
    }

    [Fact]
    public async Task retiring_a_version_never_published_is_refused_as_not_found()
    {
        var missing = await Assert.ThrowsAsync<CommandRejectedException>(() => Retire(1, "Never mind."));
        var noReason = await Assert.ThrowsAsync<CommandRejectedException>(() => Retire(1, " "));

        Assert.Equal((RejectionKind.NotFound, "affair-type.not-found"), (missing.Kind, missing.Code));
        Assert.Equal(["reason"], ((IReadOnlyDictionary<string, string[]>)noReason.Details["errors"]!).Keys);
        Assert.Empty(await Stream(Definitions.Sample));
    }

    [Fact]
    public async Task two_publishers_racing_for_one_version_cannot_both_win()
    {
        await using var second = new Engine(sharing: _engine);
        await Publish(Definitions.Json(Definitions.Sample));
        var other = SampleVersion2().Replace("\"urgentAssistanceCap\"", "\"urgentCap\"", StringComparison.Ordinal);

        var results = await Task.WhenAll(
            Attempt(() => Publish(SampleVersion2())),
            Attempt(() => Publish(second, other)));

        Assert.Equal([false, true], results.Order());
        Assert.Equal(2, (await ReloadedAsync()).Versions(Definitions.Sample).Count);

        static async Task<bool> Attempt(Func<Task> publish)
        {
            try
            {
                await publish();
                return true;
            }
            catch (CommandRejectedException e) when (e.Code == PublishedVersions.ConflictCode)
            {
                return false;
            }
        }
    }

    [Fact]
    public async Task a_stored_version_still_loads_after_its_post_is_gone()
    {
        var posts = new HashSet<string>(KnownPosts.Standing) { "assistance" };
        var json = Definitions.Json(Definitions.Sample).Replace("\"handler\": \"dibao\"", "\"handler\": \"assistance\"", StringComparison.Ordinal);
        await using (var yesterday = new Engine(s => s.AddSingleton(sp => new AffairTypeCatalog(sp.GetRequiredService<IEventStore>(), posts)), sharing: _engine))
        {
            await Publish(yesterday, json);
        }

        var today = await ReloadedAsync();

        Assert.Equal("assistance", today.Resolve(Definitions.Sample, 1).InitialState.Handler);
        var invalid = await Assert.ThrowsAsync<CommandRejectedException>(() => Publish(json.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)));
        Assert.Equal(AffairTypeCatalog.InvalidCode, invalid.Code);
    }

    private static IReadOnlyList<DefinitionProblem> Problems(CommandRejectedException rejection) =>
        (IReadOnlyList<DefinitionProblem>)rejection.Details["problems"]!;
}
