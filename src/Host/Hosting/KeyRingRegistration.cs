using System.Xml;
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
        services.AddDataProtection().SetApplicationName(ApplicationName);
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
        services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((o, logs) => o.XmlRepository = new FolderKeyRing(folder, logs.CreateLogger<FolderKeyRing>()));
        return services;
    }

    private static bool Is(string? value, string kind) => string.Equals(value, kind, StringComparison.OrdinalIgnoreCase);

    /// <summary>The entry as XML, or null when it does not parse (edited, truncated): not a key anyone can use.</summary>
    private static XElement? TryParse(string entry)
    {
        try
        {
            return XElement.Parse(entry);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>
    /// The key ring's entries as files in a folder readable by the owner only, each written to a temporary name and
    /// moved into place, so a crash never leaves half a key. A file that does not parse is set aside as
    /// <c>….unreadable-{time}</c> and passed over.
    /// </summary>
    private sealed class FolderKeyRing(DataFolder folder, ILogger logger) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            var elements = new List<XElement>();
            foreach (var file in Directory.EnumerateFiles(folder.Path, "*.xml").Order(StringComparer.Ordinal))
            {
                if (TryParse(File.ReadAllText(file)) is not { } parsed)
                {
                    var aside = $"{file}.unreadable-{DateTime.UtcNow:yyyyMMddHHmmss}";
                    File.Move(file, aside);
                    logger.LogWarning("A console key file could not be read and was set aside as {File}; sessions protected with it end.", Path.GetFileName(aside));
                    continue;
                }

                elements.Add(parsed);
            }

            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            var name = string.Concat(friendlyName.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
            var temporary = folder.File($".{name}.{Guid.NewGuid():N}.tmp");
            folder.WriteOwnerOnly(temporary, element.ToString(SaveOptions.DisableFormatting));
            File.Move(temporary, folder.File($"{name}.xml"), overwrite: true);
        }
    }

    /// <summary>The key ring's entries in PostgreSQL.</summary>
    private sealed class PostgresKeyRing(PostgresKeyRingTable table) : IXmlRepository
    {
        // An entry that does not parse is passed over, so the ring makes a new key rather than failing every console request.
        public IReadOnlyCollection<XElement> GetAllElements() => [.. table.ReadAll().Select(TryParse).OfType<XElement>()];

        public void StoreElement(XElement element, string friendlyName) => table.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
