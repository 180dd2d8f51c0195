using Affairs.Domain.Privacy;
using Affairs.Domain.Rejections;
using Affairs.Domain.Residents;
using Affairs.Domain.Residents.Events;
using Affairs.EventStore;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Residents;

/// <summary>
/// Finds the resident id of an identity number, and records that it was asked (<see cref="ResidentLookedUp"/>) on the
/// stream <c>lookup-{residentId}</c>, so that who confirmed which numbers can be audited. The number is never stored.
/// </summary>
/// <param name="IdentityNumber">The 18-character identity number.</param>
/// <param name="Context">Who asks, and tracing.</param>
public sealed record LookUpResident(
    [property: PersonalData(PersonalDataKind.IdentityNumber)] string IdentityNumber,
    CommandContext Context) : ICommand<ResidentLookup>, IAffairsCommand;

internal sealed class LookUpResidentValidator : ICommandValidator<LookUpResident>
{
    public void Validate(LookUpResident command, ValidationErrors errors)
    {
        IdentityNumber.TryParse(command.IdentityNumber, out var number, out var error);
        errors.AddIf(number is null, "identityNumber", error ?? "Not an identity number.");
    }
}

internal sealed class LookUpResidentHandler(StreamRepository streams, ResidentPseudonym pseudonym, TimeProvider time)
    : ICommandHandler<LookUpResident, ResidentLookup>
{
    public async ValueTask<ResidentLookup> Handle(LookUpResident command, CancellationToken cancellationToken)
    {
        var residentId = pseudonym.ResidentIdFor(IdentityNumber.Parse(command.IdentityNumber));
        var resident = await streams.LoadAsync(ResidentStreams.For(residentId), ResidentStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false);
        var answer = new ResidentLookup(residentId, resident.Exists);
        return await streams.ExecuteAsync(
            StreamName.For("lookup", residentId),
            LookupCount.Fold,
            clientExpected: null,
            command,
            _ => new Decision<ResidentLookup>([new ResidentLookedUp(residentId, resident.Exists, time.GetUtcNow())], _ => answer),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A lookup stream's state: how many lookups it holds; nothing is decided on it.</summary>
    private sealed class LookupCount : IStateFold<long>
    {
        public static LookupCount Fold { get; } = new();

        public long Initial => 0;

        public long Apply(long state, object @event) => @event is ResidentLookedUp ? state + 1 : state;
    }
}
