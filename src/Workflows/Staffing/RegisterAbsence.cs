using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Domain.Staffing.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Staffing;

/// <summary>
/// Registers an absence, ahead of time or after the fact; it counts from its start either way. Where it leaves a post's
/// A and B away together, it is still recorded (it happens), and the answer warns that the supervisor must reassign.
/// </summary>
/// <param name="StaffId">Who is away.</param>
/// <param name="From">From when.</param>
/// <param name="To">Until when (exclusive).</param>
/// <param name="Kind">Leave, business trip or meeting.</param>
/// <param name="Context">Who registers, and tracing.</param>
public sealed record RegisterAbsence(string StaffId, DateTimeOffset From, DateTimeOffset To, AbsenceKind Kind, CommandContext Context)
    : ICommand<AbsenceRevision>, IAffairsCommand;

internal sealed class RegisterAbsenceValidator : ICommandValidator<RegisterAbsence>
{
    public void Validate(RegisterAbsence command, ValidationErrors errors) =>
        errors.AddIf(command.To <= command.From, "to", "An absence ends after it starts.")
            .AddIf(command.To - command.From > TimeSpan.FromDays(366), "to", "An absence is at most a year long; register longer ones as a reassignment.");
}

internal sealed class RegisterAbsenceHandler(OrganisationCommand organisation, IIdSource ids, TimeProvider time) : ICommandHandler<RegisterAbsence, AbsenceRevision>
{
    public async ValueTask<AbsenceRevision> Handle(RegisterAbsence command, CancellationToken cancellationToken)
    {
        var absenceId = "ab-" + CommandPayload.NewId(command.Context, ids, "absence").ToString("N");
        return await organisation.ExecuteAsync(
            command,
            org =>
            {
                var errors = new ValidationErrors();
                OrganisationCommand.RequireStaff(org, errors, "staffId", command.StaffId);
                errors.ThrowIfAny();
                var registered = new AbsenceRegistered(absenceId, command.StaffId, command.From, command.To, command.Kind, time.GetUtcNow());
                return ([registered], BothAway(org.Apply(registered), command.StaffId));
            },
            (revision, warnings) => new AbsenceRevision(absenceId, command.StaffId, revision, warnings),
            cancellationToken).ConfigureAwait(false);
    }

    private static List<string> BothAway(Organisation org, string staffId)
    {
        var warnings = new List<string>();
        foreach (var post in org.Posts.Values.Where(p => p.AHolderId == staffId || p.BHolderId == staffId))
        {
            var other = post.AHolderId == staffId ? post.BHolderId : post.AHolderId;
            var mine = org.Absences.Values.Where(a => a.StaffId == staffId);
            var theirs = org.Absences.Values.Where(a => a.StaffId == other).ToList();
            if (mine.Any(m => theirs.Any(t => m.From < t.To && t.From < m.To)))
            {
                warnings.Add($"Post {post.Id}: A ({post.AHolderId}) and B ({post.BHolderId}) are away at the same time; its cases go to the supervisor until one is back or the post is reassigned.");
            }
        }

        return warnings;
    }
}
