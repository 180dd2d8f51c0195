namespace Affairs.Workflows.Statistics;

/// <summary>How a statistics report cuts its range into periods.</summary>
public enum StatisticsPeriod
{
    /// <summary>Calendar months.</summary>
    Month,

    /// <summary>Calendar quarters.</summary>
    Quarter,

    /// <summary>Calendar years.</summary>
    Year,
}
