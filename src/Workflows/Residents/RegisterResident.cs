using Affairs.Domain.Privacy;
using Affairs.Domain.Rejections;
using Affairs.Domain.Residents;
using Affairs.Domain.Residents.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Residents;

/// <summary>
/// Records a resident. Gender and birth date come from the identity number; where the caller also gives them they
/// must agree. One identity number means one resident: a second registration is refused naming the existing one.
/// </summary>
/// <param name="IdentityNumber">The 18-character identity number.</param>
/// <param name="Name">The resident's name.</param>
/// <param name="Phone">An optional contact phone.</param>
/// <param name="Address">An optional address.</param>
/// <param name="GridId">The grid, if known.</param>
/// <param name="Gender">The declared gender, checked against the number.</param>
/// <param name="BirthDate">The declared birth date, checked against the number.</param>
/// <param name="Context">Who registers, and tracing.</param>
public sealed record RegisterResident(
    [property: PersonalData(PersonalDataKind.IdentityNumber)] string IdentityNumber,
    [property: PersonalData(PersonalDataKind.Name)] string Name,
    [property: PersonalData(PersonalDataKind.Phone)] string? Phone,
    [property: PersonalData(PersonalDataKind.Address)] string? Address,
    string? GridId,
    Gender? Gender,
    DateOnly? BirthDate,
    CommandContext Context) : ICommand<ResidentRevision>, IAffairsCommand;

internal sealed class RegisterResidentValidator(TimeProvider time) : ICommandValidator<RegisterResident>
{
    public void Validate(RegisterResident command, ValidationErrors errors)
    {
        IdentityNumber.TryParse(command.IdentityNumber, out var number, out var numberError);
        errors.AddIf(number is null, "identityNumber", numberError ?? string.Empty)
            .AddIf(string.IsNullOrWhiteSpace(command.Name), "name", "A name is required.")
            .AddIf(number is not null && command.Gender is { } g && g != number.Gender, "gender", "The gender does not match the identity number.")
            .AddIf(number is not null && command.BirthDate is { } b && b != number.BirthDate, "birthDate", "The birth date does not match the identity number.")
            .AddIf(number is not null && number.BirthDate > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), "identityNumber", "The identity number's birth date is in the future.");
        ResidentRules.CheckContact(errors, command.Phone);
    }
}

internal sealed class RegisterResidentHandler(StreamRepository streams, OrganisationDirectory organisation, ResidentPseudonym pseudonym, TimeProvider time)
    : ICommandHandler<RegisterResident, ResidentRevision>
{
    public async ValueTask<ResidentRevision> Handle(RegisterResident command, CancellationToken cancellationToken)
    {
        await organisation.RequireGridAsync(command.GridId, "gridId", cancellationToken).ConfigureAwait(false);
        var number = IdentityNumber.Parse(command.IdentityNumber);
        var residentId = pseudonym.ResidentIdFor(number);
        return await ResidentStreams.ExecuteAsync(
            streams,
            residentId,
            expectedRevision: null,
            command,
            loaded =>
            {
                if (loaded.Exists)
                {
                    throw Duplicate(residentId);
                }

                var registered = new ResidentRegistered(residentId, number.Value, command.Name.Trim(), number.Gender, number.BirthDate, command.Phone, command.Address, command.GridId, time.GetUtcNow());
                return [registered];
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static CommandRejectedException Duplicate(string residentId) => new(
        RejectionKind.Conflict,
        "resident.duplicate",
        $"A resident with this identity number is already recorded as {residentId}.",
        new Dictionary<string, object?> { ["existingResidentId"] = residentId });
}
