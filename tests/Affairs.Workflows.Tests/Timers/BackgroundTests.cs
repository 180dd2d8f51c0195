using Affairs.Domain.Cases.Events;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Tests.Cases;
using Affairs.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Affairs.Workflows.Tests.Timers;

public sealed class BackgroundTests : IAsyncLifetime
{
    private Centre _centre = null!;
    private Casework _work = null!;
    private IHostedService[] _hosted = [];

    private Engine Engine => _centre.Engine;

    public async Task InitializeAsync()
    {
        _centre = await Centre.OpenAsync(new Engine(services => services.AddAffairsBackground()));
        _work = new Casework(_centre);
        _hosted = [.. Engine.Services.GetServices<IHostedService>()];
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _hosted)
        {
            await service.StopAsync(CancellationToken.None);
            (service as IDisposable)?.Dispose();
        }

        await _centre.DisposeAsync();
    }

    [Fact]
    public async Task the_hosted_runner_follows_the_log_and_the_hosted_scheduler_fires_on_its_interval()
    {
        var caseId = await _work.DibaoOnNoticeAsync();
        await _hosted.OfType<ProjectionService>().Single().StartAsync(CancellationToken.None);
        await Until(async () => _work.Projections.Checkpoint >= await LastPositionAsync(caseId));
        await _work.NoteAsync(caseId, Centre.A);
        await Until(async () => _work.Projections.Checkpoint >= await LastPositionAsync(caseId));

        await _hosted.OfType<TimerService>().Single().StartAsync(CancellationToken.None);
        Engine.Clock.Advance(TimeSpan.FromDays(8));
        await Until(async () =>
        {
            Engine.Clock.Advance(Engine.Services.GetRequiredService<AffairsOptions>().TimerInterval); // the scheduler's next pass
            return (await _work.EventsAsync(caseId)).OfType<CaseTransitioned>().Any(t => t.Trigger == "notice-ended");
        });

        var ended = Assert.Single((await _work.EventsAsync(caseId)).OfType<CaseTransitioned>(), t => t.Trigger == "notice-ended");
        Assert.Equal("system", ended.ActorId);
    }

    private async Task<long> LastPositionAsync(string caseId) =>
        (await Engine.Services.GetRequiredService<StreamRepository>().LoadAsync(CaseStreams.For(caseId), CaseStreams.Fold)).Events[^1].Recorded.Position;

    private static async Task Until(Func<Task<bool>> condition)
    {
        for (var waited = 0; waited < 200; waited++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The background work did not get there within 10 seconds.");
    }
}
