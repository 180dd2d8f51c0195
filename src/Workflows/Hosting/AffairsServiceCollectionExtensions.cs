using System.Globalization;
using System.Text;
using System.Diagnostics.Metrics;
using Affairs.Domain.Residents;
using Affairs.Domain.Residents.Events;
using Affairs.EventStore;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Calendar;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Events;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Idempotency;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Queues;
using Affairs.Workflows.Statistics;
using Affairs.Workflows.Timers;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Affairs.Workflows.Hosting;

/// <summary>
/// Registers the engine in any .NET host: <c>services.AddAffairs(o => …)</c>. The event store is registered by the
/// composition root (an <c>IEventStore</c> singleton) before or after this call.
/// </summary>
public static class AffairsServiceCollectionExtensions
{
    private static int s_engines;

    /// <summary>Registers the codec, the stream repository, the mediator with its pipeline, and the engine's services.</summary>
    public static IServiceCollection AddAffairs(this IServiceCollection services, Action<AffairsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new AffairsOptions();
        configure?.Invoke(options);
        if (Encoding.UTF8.GetByteCount(options.ResidentPseudonymKey) < 16)
        {
            throw new InvalidOperationException("Affairs:ResidentPseudonymKey must be set to a secret of at least 16 characters.");
        }

        if (string.IsNullOrWhiteSpace(options.SchedulerHolderId))
        {
            options.SchedulerHolderId = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Interlocked.Increment(ref s_engines)}");
        }

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdSource, TimeOrderedIdSource>();
        services.TryAddSingleton(_ => EventTypeRegistry.FromAssemblies(typeof(ResidentRegistered).Assembly, typeof(AffairsServiceCollectionExtensions).Assembly));
        services.TryAddSingleton(sp => new EventCodec(sp.GetRequiredService<EventTypeRegistry>(), sp.GetServices<IEventUpcaster>()));
        services.TryAddSingleton<CommitPositions>();
        services.TryAddSingleton<StreamRepository>();
        services.TryAddSingleton(sp => new CalendarCatalog(sp.GetRequiredService<Affairs.EventStore.IEventStore>(), options.TimeZone));
        services.TryAddSingleton(sp => new AffairTypeCatalog(sp.GetRequiredService<Affairs.EventStore.IEventStore>()));
        services.TryAddSingleton(sp => new PolicyCatalog(sp.GetRequiredService<Affairs.EventStore.IEventStore>()));
        services.TryAddSingleton<CaseParticipants>();
        services.TryAddSingleton<CaseEngine>();
        services.TryAddSingleton<Ledger.LedgerRecords>();
        services.TryAddSingleton<Ledger.LedgerVerifier>();
        services.TryAddSingleton<Audit.ChainVerifier>();
        services.TryAddSingleton<AffairsStartup>();
        services.TryAddSingleton<OrganisationDirectory>();
        services.TryAddSingleton<OrganisationCommand>();
        services.TryAddSingleton<ApiKeys.ApiKeyStreams>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFollowedCatalog, AffairTypeCatalog>(sp => sp.GetRequiredService<AffairTypeCatalog>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFollowedCatalog, PolicyCatalog>(sp => sp.GetRequiredService<PolicyCatalog>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFollowedCatalog, CalendarCatalog>(sp => sp.GetRequiredService<CalendarCatalog>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFollowedCatalog, OrganisationDirectory>(sp => sp.GetRequiredService<OrganisationDirectory>()));
        services.TryAddSingleton(new ResidentPseudonym(Encoding.UTF8.GetBytes(options.ResidentPseudonymKey)));
        services.TryAddSingleton(sp => new AffairsMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<DeadlineCalculator>();
        services.TryAddSingleton<ReadModelOptions>();
        services.TryAddSingleton<ProjectionEngine>();
        services.TryAddSingleton<WorkQueues>();
        services.TryAddSingleton<CaseStatistics>();
        services.TryAddSingleton<TimerSchedule>();
        services.TryAddSingleton<TimerScheduler>();
        services.TryAddSingleton(sp => OpenSchedulerLease(sp, options));
        RegisterValidators(services);
        services.AddMediator(mediator =>
        {
            mediator.ServiceLifetime = ServiceLifetime.Singleton;
            mediator.PipelineBehaviors =
            [
                typeof(ObservabilityBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(IdempotencyBehavior<,>),
            ];
        });
        return services;
    }

    /// <summary>
    /// Registers the background work as hosted services: the projection runner (catch-up, then the live subscription),
    /// the timer scheduler, and the <see cref="CatalogFollower"/> that keeps every <see cref="IFollowedCatalog"/> (the
    /// engine's catalogs, and any the host adds) up to date with what other hosts publish. Separate from <see cref="AddAffairs"/> so that a host (or a test) that only serves
    /// commands and queries runs no background loops; queries catch the read models up themselves before answering.
    /// </summary>
    public static IServiceCollection AddAffairsBackground(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService<ProjectionService>();
        services.AddHostedService<TimerService>();
        services.AddHostedService<CatalogFollower>();
        return services;
    }

    /// <summary>The store's own lease where it has one (PostgreSQL, EventStoreDB, SQLite), else the lease stream, which works on any store.</summary>
    private static ISchedulerLease OpenSchedulerLease(IServiceProvider services, AffairsOptions options)
    {
        var store = services.GetRequiredService<IEventStore>();
        return store is ISchedulerLeaseSource source
            ? source.OpenSchedulerLease(options.SchedulerHolderId, options.SchedulerLeaseDuration)
            : new StreamSchedulerLease(store, services.GetRequiredService<EventCodec>(), services.GetRequiredService<IIdSource>(), services.GetRequiredService<TimeProvider>(), options.SchedulerHolderId, options.SchedulerLeaseDuration);
    }

    private static void RegisterValidators(IServiceCollection services)
    {
        foreach (var type in typeof(AffairsServiceCollectionExtensions).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommandValidator<>)))
            {
                services.AddSingleton(contract, type);
            }
        }
    }
}
