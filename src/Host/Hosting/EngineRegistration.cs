using Affairs.Domain.Calendar;
using Affairs.Workflows.Hosting;

namespace Affairs.Host.Hosting;

/// <summary>Registers the engine exactly as any embedding host would, with settings from configuration section <c>Affairs</c>.</summary>
internal static class EngineRegistration
{
    public const string PseudonymKeyFile = "resident-pseudonym.key";

    public static IServiceCollection AddAffairsEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var data = DataFolder.From(configuration);
        services.AddSingleton(data);
        services.AddAffairs(options =>
        {
            options.ResidentPseudonymKey = configuration["Affairs:ResidentPseudonymKey"] is { Length: > 0 } key ? key : data.Secret(PseudonymKeyFile);
            options.CentreId = configuration["Affairs:CentreId"] ?? options.CentreId;
            options.SchedulerHolderId = configuration["Affairs:SchedulerHolderId"] ?? options.SchedulerHolderId;
            options.TimerInterval = configuration.GetValue("Affairs:TimerInterval", options.TimerInterval) is { Ticks: > 0 } interval
                ? interval
                : throw new InvalidOperationException("Affairs:TimerInterval must be a positive time span (00:00:30).");
            var calendars = configuration["Affairs:CalendarFolder"] ?? Path.Combine(AppContext.BaseDirectory, "calendars");
            if (Directory.Exists(calendars))
            {
                foreach (var schedule in HolidayScheduleFile.LoadFolder(calendars))
                {
                    options.HolidaySchedules.Add(schedule);
                }
            }
        });
        services.AddHostedService<EngineInitializer>();
        if (configuration.GetValue("Affairs:BackgroundServices", true))
        {
            // After the initializer: the projections and timers need the catalogs loaded first.
            services.AddAffairsBackground();
            services.AddSingleton(LedgerDigestSettings.From(configuration));
            services.AddHostedService<LedgerDigestService>();
        }

        return services;
    }
}
