using Affairs.Host.Security;
using Affairs.Workflows.Queues;
using Microsoft.AspNetCore.Authorization;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>The signed-in member of staff's work: as A, covering as B, as supervisor, and the alerts.</summary>
[Authorize(Policy = AccessPolicies.CasesWrite)]
public sealed class QueueModel : ConsolePage
{
    /// <summary>The queue as the engine computes it now.</summary>
    public StaffQueue Queue { get; private set; } = null!;

    /// <summary>Reads the queue of the signed-in member of staff.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Queue = await Mediator.Send(new GetStaffQueue(Actor.Id), ct);
        Handover = await Mediator.Send(new GetHandoverList(Actor.Id), ct);
    }

    /// <summary>On return from an absence: the steps back with the reader, and those B keeps.</summary>
    public HandoverList? Handover { get; private set; }
}
