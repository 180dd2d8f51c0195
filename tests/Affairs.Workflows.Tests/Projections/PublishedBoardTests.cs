using Affairs.EventStore;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Projections;

/// <summary>
/// Readers take the board the projection published last: a projection stuck in the middle of its work never holds a
/// query up, and a query given a log position waits for the projection to reach it, bounded.
/// </summary>
public sealed class PublishedBoardTests : IAsyncLifetime
{
    private readonly SlowReadModels _readModels = new();
    private Centre _centre = null!;
    private Casework _work = null!;

    private Engine Engine => _centre.Engine;

    public async Task InitializeAsync()
    {
        _centre = await Centre.OpenAsync(new Engine(services => services.AddSingleton<IReadModelStore>(_readModels)));
        _work = new Casework(_centre);
    }

    public async Task DisposeAsync()
    {
        _readModels.Release();
        await _centre.DisposeAsync();
    }

    [Fact]
    public async Task a_query_answers_from_the_published_board_while_the_projection_is_stuck_holding_its_gate()
    {
        var opened = await _work.AcceptedDibaoAsync();
        using var stop = new CancellationTokenSource();
        _readModels.Hold();
        var run = _work.Projections.RunAsync(stop.Token);
        await _readModels.Saving.WaitAsync(TimeSpan.FromMinutes(1));

        // The projection is inside its write, holding the gate: another writer waits, a reader does not.
        var save = _work.Projections.SaveAsync();
        var listed = await Engine.Mediator.Send(new FindCases(Limit: 200)).AsTask().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.False(save.IsCompleted);
        Assert.Contains(listed.Items, i => i.CaseId == opened);

        _readModels.Release();
        await save;
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task a_wait_for_a_position_ends_when_the_projection_reaches_it_and_gives_up_at_its_bound()
    {
        using var stop = new CancellationTokenSource();
        var run = _work.Projections.RunAsync(stop.Token);
        var projections = _work.Projections;
        await projections.WaitForAsync(Engine.Services.GetRequiredService<CommitPositions>().Highest, TimeSpan.FromMinutes(1));

        _readModels.Hold();
        var opened = await _work.OpenDibaoAsync();
        var position = Engine.Services.GetRequiredService<CommitPositions>().Highest;
        var reached = await projections.WaitForAsync(position, TimeSpan.FromMinutes(1));
        Assert.True(reached);
        Assert.NotNull(projections.Board.Find(opened));

        var beyond = await projections.WaitForAsync(position + 1_000_000, TimeSpan.FromMilliseconds(50));
        Assert.False(beyond);

        _readModels.Release();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    /// <summary>Keeps nothing, and, once held, stops the first write in its middle until released.</summary>
    private sealed class SlowReadModels : IReadModelStore
    {
        private readonly TaskCompletionSource _saving = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _held;

        public Task Saving => _saving.Task;

        public void Hold()
        {
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = true;
        }

        public void Release() => _release.TrySetResult();

        public Task<ReadModelState?> LoadAsync(string model, CancellationToken cancellationToken = default) => Task.FromResult<ReadModelState?>(null);

        public async Task<bool> SaveAsync(ReadModelChanges changes, CancellationToken cancellationToken = default)
        {
            if (_held)
            {
                _saving.TrySetResult();
                await _release.Task.WaitAsync(cancellationToken);
            }

            return true;
        }
    }
}
