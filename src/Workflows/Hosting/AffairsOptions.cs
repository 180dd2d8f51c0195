namespace Affairs.Workflows.Hosting;

/// <summary>Settings of the engine, bound from configuration section <c>Affairs</c>.</summary>
public sealed class AffairsOptions
{
    /// <summary>
    /// The secret from which resident ids are derived (see <see cref="Domain.Residents.ResidentPseudonym"/>), as text of
    /// at least 16 characters. Every deployment sets its own and keeps it: changing it changes every resident id.
    /// </summary>
    public string ResidentPseudonymKey { get; set; } = string.Empty;

    /// <summary>
    /// The calendars shipped with the host (one per year; see <c>calendars/</c>). Each year not yet published in the
    /// store is published from it at start, as version 1; after that the store's versions are the ones in force.
    /// </summary>
    public IList<Domain.Calendar.HolidaySchedule> HolidaySchedules { get; } = [];

    /// <summary>The time zone of the centre; Asia/Shanghai when null.</summary>
    public TimeZoneInfo? TimeZone { get; set; }

    /// <summary>The centre this engine serves; its organisation lives in stream <c>organisation-{CentreId}</c>.</summary>
    public string CentreId { get; set; } = "main";

    /// <summary>How often the hosted timer scheduler looks for due timers (30 seconds by default).</summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the timer scheduler's lease stays with a host that stopped renewing it (10 seconds by default): when a
    /// host dies without releasing it, another takes over within this plus two <see cref="SchedulerLeaseRenewal"/>s
    /// (14 seconds by default). Used by the lease streams (EventStoreDB's, and the one in the log for a store without a lease of its own); PostgreSQL's advisory lock ends with the holder's session.
    /// </summary>
    public TimeSpan SchedulerLeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the hosted scheduler renews its lease, or, standing by, tries to take it (2 seconds by default).</summary>
    public TimeSpan SchedulerLeaseRenewal { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// This host's name in the scheduler lease, shown to operators; unique per running host. By default the machine
    /// name, the process id and a number counting the engines started in the process.
    /// </summary>
    public string SchedulerHolderId { get; set; } = string.Empty;
}
