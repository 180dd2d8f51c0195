using System.Xml.Linq;
using Affairs.Stores.Postgres;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Affairs.Host.Hosting;

/// <summary>
/// Where the data-protection keys that protect the console's session and antiforgery cookies are kept. Every host of a
/// deployment reads the same ring, so a person signed in on one host is signed in on all of them and a restart ends
/// no session. <c>Console:KeyRing:Kind</c>: <c>Postgres</c> (the default when the event store or the read models are
/// in PostgreSQL: table <c>key_ring</c> in that schema, or <c>Console:KeyRing:ConnectionString</c> and <c>Schema</c>),
/// or <c>Folder</c> (<c>Console:KeyRing:Folder</c>, by default <c>keys</c> in the data folder, created readable by the
/// owner only; for several hosts without PostgreSQL, a folder they share). The hosts also share one application
/// name, which data protection would otherwise take from each host's installation path.
/// </summary>
internal static class KeyRingRegistration
{
    /// <summary>The application name every host protects its cookies under.</summary>
    public const string ApplicationName = "affairs";

    public static IServiceCollection AddAffairsKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        var section = configuration.GetSection("Console:KeyRing");
        var storeIsPostgres = Is(configuration["Store"] ?? configuration["Store:Kind"], "Postgres");
        var readModelsArePostgres = Is(configuration["Store:ReadModels:Kind"], "Postgres");
        var kind = section["Kind"] ?? (storeIsPostgres || readModelsArePostgres ? "Postgres" : "Folder");
        if (Is(kind, "Postgres"))
        {
            var near = readModelsArePostgres && !storeIsPostgres ? configuration.GetSection("Store:ReadModels") : configuration.GetSection("Store:Postgres");
            var connection = section["ConnectionString"] ?? near["ConnectionString"] ?? configuration["Store:Postgres:ConnectionString"];
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Console:KeyRing:Kind=Postgres needs Console:KeyRing:ConnectionString (or the PostgreSQL store's).");
            }

            var table = new PostgresKeyRingTable(connection, section["Schema"] ?? near["Schema"] ?? configuration["Store:Postgres:Schema"] ?? "affairs");
            services.AddSingleton(table);
            services.AddOptions<KeyManagementOptions>().Configure<PostgresKeyRingTable>((o, t) => o.XmlRepository = new PostgresKeyRing(t));
            return services;
        }

        if (!Is(kind, "Folder"))
        {
            throw new InvalidOperationException($"Unknown Console:KeyRing:Kind '{kind}'; known: Postgres, Folder.");
        }

        var folder = section["Folder"] is { Length: > 0 } given ? new DataFolder(given) : new DataFolder(DataFolder.From(configuration).File("keys"));
        folder.Create();
        protection.PersistKeysToFileSystem(new DirectoryInfo(folder.Path));
        return services;
    }

    private static bool Is(string? value, string kind) => string.Equals(value, kind, StringComparison.OrdinalIgnoreCase);

    /// <summary>The key ring's entries in PostgreSQL.</summary>
    private sealed class PostgresKeyRing(PostgresKeyRingTable table) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => [.. table.ReadAll().Select(XElement.Parse)];

        public void StoreElement(XElement element, string friendlyName) => table.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
