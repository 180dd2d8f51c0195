using Affairs.Domain.Residents.Events;

namespace Affairs.Domain.Residents;

/// <summary>Folds resident events into a <see cref="Resident"/>.</summary>
public static class ResidentFold
{
    /// <summary>The state after <paramref name="event"/>.</summary>
    public static Resident Apply(Resident state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            ResidentRegistered e => new Resident(e.ResidentId, e.IdentityNumber, e.Name, e.Gender, e.BirthDate, e.Phone, e.Address, e.GridId, ResidentStatus.Active, null),
            ResidentContactChanged e => state with { Phone = e.Phone ?? state.Phone, Address = e.Address ?? state.Address },
            ResidentGridAssigned e => state with { GridId = e.GridId },
            ResidentMovedOut e => state with { Status = ResidentStatus.MovedOut, StatusSince = e.On },
            ResidentDied e => state with { Status = ResidentStatus.Deceased, StatusSince = e.DateOfDeath },
            _ => state,
        };
    }
}
