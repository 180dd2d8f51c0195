using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Policies;

namespace Affairs.Workflows.Hosting;

/// <summary>
/// What the engine does once before it takes commands: read the published affair types and policies, and publish the
/// built-in affair types through the same path an administrator's go (idempotent: an unchanged built-in is a no-op).
/// </summary>
public sealed class AffairsStartup(AffairTypeCatalog catalog, PolicyCatalog policies)
{
    /// <summary>Loads the catalogs and publishes the built-in types.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await catalog.LoadAsync(cancellationToken).ConfigureAwait(false);
        await catalog.PublishBuiltInsAsync(cancellationToken).ConfigureAwait(false);
        await policies.LoadAsync(cancellationToken).ConfigureAwait(false);
    }
}
