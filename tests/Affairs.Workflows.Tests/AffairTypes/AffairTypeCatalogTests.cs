using System.Text;
using System.Text.Json.Nodes;
using Affairs.Domain.AffairTypes;
using Affairs.EventStore;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Publishing;

namespace Affairs.Workflows.Tests.AffairTypes;

public sealed class AffairTypeCatalogTests : StoreTest
{
    /// <summary>The sample as version 2: urgent grants are gone and the post decides every amount alone.</summary>
    private static string SampleVersion2()
    {
        var root = JsonNode.Parse(Definitions.Json(Definitions.Sample), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        root["version"] = 2;
        var transitions = root["transitions"]!.AsArray();
        transitions.RemoveAt(1);
        return root.ToJsonString();
    }

    private static async Task<List<RecordedEvent>> Stream(IEventStore store, string id)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in store.ReadStreamAsync(AffairTypeCatalog.StreamFor(id), ReadDirection.Forwards, 0, 100))
        {
            events.Add(e);
        }

        return events;
    }

    [Fact]
    public async Task built_in_types_and_an_administrators_type_are_published_as_events_and_read_back()
    {
        var store = Temp.Open();
        var catalog = new AffairTypeCatalog(store);
        await catalog.PublishBuiltInsAsync();
        var sample = await catalog.PublishAsync(Definitions.Json(Definitions.Sample), "admin-1");

        var reloaded = new AffairTypeCatalog(Temp.Open());
        await reloaded.LoadAsync();

        Assert.Equal([.. Definitions.BuiltInIds.Append(Definitions.Sample).Order(StringComparer.Ordinal)], reloaded.Ids);
        Assert.Equal(sample.ContentHash, reloaded.Resolve(Definitions.Sample, 1).ContentHash);
        Assert.Equal(catalog.Resolve("dibao", 2).Mermaid, reloaded.Resolve("dibao", 2).Mermaid);
        var published = Assert.Single(await Stream(store, Definitions.Sample));
        Assert.Equal("affairtype.published.v1", published.Type);
        Assert.Contains("临时救助", Encoding.UTF8.GetString(published.Data.Span), StringComparison.Ordinal);
        Assert.Contains("admin-1", Encoding.UTF8.GetString(published.Metadata.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task publishing_identical_content_again_changes_nothing()
    {
        var store = Temp.Open();
        var catalog = new AffairTypeCatalog(store);
        await catalog.PublishBuiltInsAsync();
        var reformatted = Definitions.Json("dibao").Replace("\n", "\n  ", StringComparison.Ordinal);

        await catalog.PublishBuiltInsAsync();
        await catalog.PublishAsync(reformatted, "admin-1");

        Assert.Single(await Stream(store, "dibao"));
    }

    [Fact]
    public async Task a_published_version_is_never_changed()
    {
        var store = Temp.Open();
        var catalog = new AffairTypeCatalog(store);
        await catalog.PublishAsync(Definitions.Json(Definitions.Sample), "admin-1");
        var changed = SampleVersion2().Replace("\"version\":2", "\"version\":1", StringComparison.Ordinal);

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() => catalog.PublishAsync(changed, "admin-1"));

        Assert.Equal("Version 1 of 'affairtype-temporary-assistance' is already published with other content; publish a new version instead.", conflict.Message);
        Assert.Single(await Stream(store, Definitions.Sample));
        Assert.Contains("grant-urgently", catalog.Resolve(Definitions.Sample, 1).Triggers);
    }

    [Fact]
    public async Task versions_only_go_up()
    {
        var catalog = new AffairTypeCatalog(Temp.Open());
        await catalog.PublishAsync(SampleVersion2(), "admin-1");

        await Assert.ThrowsAsync<VersionConflictException>(() => catalog.PublishAsync(Definitions.Json(Definitions.Sample), "admin-1"));
    }

    [Fact]
    public async Task an_invalid_definition_is_refused_with_every_problem_and_nothing_is_stored()
    {
        var store = Temp.Open();
        var catalog = new AffairTypeCatalog(store);
        var broken = Definitions.Json(Definitions.Sample)
            .Replace("\"handler\": \"dibao\"", "\"handler\": \"welfare\"", StringComparison.Ordinal)
            .Replace("amountGranted <= param.temporaryAssistanceCap", "amountGrantd <= param.temporaryAssistanceCap", StringComparison.Ordinal);

        var invalid = await Assert.ThrowsAsync<AffairTypeInvalidException>(() => catalog.PublishAsync(broken, "admin-1"));

        Assert.Equal(["unknown-post", "unknown-post", "guard-unknown-name"], invalid.Problems.Select(p => p.Code));
        Assert.Empty(await Stream(store, Definitions.Sample));
        Assert.Throws<AffairTypeNotFoundException>(() => catalog.Resolve(Definitions.Sample, 1));
    }

    [Fact]
    public async Task a_case_stays_pinned_to_the_version_it_was_opened_under()
    {
        var catalog = new AffairTypeCatalog(Temp.Open());
        await catalog.PublishAsync(Definitions.Json(Definitions.Sample), "admin-1");
        var openedUnder = catalog.ForNewCase(Definitions.Sample).Version;

        await catalog.PublishAsync(SampleVersion2(), "admin-1");
        var reloaded = new AffairTypeCatalog(Temp.Open());
        await reloaded.LoadAsync();

        foreach (var c in new[] { catalog, reloaded })
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
        var store = Temp.Open();
        var catalog = new AffairTypeCatalog(store);
        await catalog.PublishAsync(Definitions.Json(Definitions.Sample), "admin-1");
        await catalog.PublishAsync(SampleVersion2(), "admin-1");

        await catalog.RetireAsync(Definitions.Sample, 2, "Urgent grants must stay available.", "admin-1");
        await catalog.RetireAsync(Definitions.Sample, 2, "Urgent grants must stay available.", "admin-1");
        var reloaded = new AffairTypeCatalog(Temp.Open());
        await reloaded.LoadAsync();

        Assert.Equal(["affairtype.published.v1", "affairtype.published.v1", "affairtype.retired.v1"], (await Stream(store, Definitions.Sample)).Select(e => e.Type));
        Assert.Equal(1, reloaded.ForNewCase(Definitions.Sample).Version);
        Assert.Equal(2, reloaded.Resolve(Definitions.Sample, 2).Version);
        Assert.Equal("Urgent grants must stay available.", reloaded.Versions(Definitions.Sample)[1].RetiredReason);
        await catalog.RetireAsync(Definitions.Sample, 1, "Replaced by the district scheme.", "admin-1");
        Assert.Throws<AffairTypeNotFoundException>(() => catalog.ForNewCase(Definitions.Sample));
    }

    [Fact]
    public async Task two_publishers_racing_for_one_version_cannot_both_win()
    {
        var first = new AffairTypeCatalog(Temp.Open());
        var second = new AffairTypeCatalog(Temp.Open());
        await first.PublishAsync(Definitions.Json(Definitions.Sample), "admin-1");
        var other = SampleVersion2().Replace("\"urgentAssistanceCap\"", "\"urgentCap\"", StringComparison.Ordinal);

        var results = await Task.WhenAll(
            Attempt(() => first.PublishAsync(SampleVersion2(), "admin-1")),
            Attempt(() => second.PublishAsync(other, "admin-2")));

        Assert.Equal([false, true], results.Order());
        var reloaded = new AffairTypeCatalog(Temp.Open());
        await reloaded.LoadAsync();
        Assert.Equal(2, reloaded.Versions(Definitions.Sample).Count);

        static async Task<bool> Attempt(Func<Task> publish)
        {
            try
            {
                await publish();
                return true;
            }
            catch (VersionConflictException)
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
        await new AffairTypeCatalog(Temp.Open(), posts).PublishAsync(json, "admin-1");

        var today = new AffairTypeCatalog(Temp.Open());
        await today.LoadAsync();

        Assert.Equal("assistance", today.Resolve(Definitions.Sample, 1).InitialState.Handler);
        await Assert.ThrowsAsync<AffairTypeInvalidException>(() => today.PublishAsync(json.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal), "admin-1"));
    }
}
