using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Hosting;

/// <summary>
/// What the engine does once before it takes commands: read the published affair types and policies, and publish the
/// built-in affair types (<see cref="BuiltInAffairTypes"/>) as the system actor by the same command an administrator
/// sends (idempotent: an unchanged built-in is a no-op).
/// </summary>
public sealed class AffairsStartup(AffairTypeCatalog catalog, PolicyCatalog policies, IMediator mediator, IIdSource ids)
{
    /// <summary>Loads the catalogs and publishes the built-in types.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await catalog.LoadAsync(cancellationToken).ConfigureAwait(false);
        var correlation = "startup-" + ids.NewId().ToString("N");
        foreach (var json in BuiltInAffairTypes.Documents().Values)
        {
            var context = new CommandContext(Actor.System, ids.NewId().ToString("N"), correlation);
            await mediator.Send(new PublishAffairType(json, context), cancellationToken).ConfigureAwait(false);
        }

        await policies.LoadAsync(cancellationToken).ConfigureAwait(false);
    }
}
