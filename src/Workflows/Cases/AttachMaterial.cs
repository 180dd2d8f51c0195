using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>
/// Records a document received for a case: which required material it is, and the file's metadata and SHA-256. The
/// file itself is kept elsewhere; the hash pins exactly what was received.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="MaterialId">A material the affair type lists (<c>income-proof</c>).</param>
/// <param name="FileName">The file's name.</param>
/// <param name="MediaType">The file's media type.</param>
/// <param name="SizeBytes">The file's size.</param>
/// <param name="ContentHash">SHA-256 of the file, 64 hex digits.</param>
/// <param name="ExpectedRevision">The revision the client saw (If-Match), or null.</param>
/// <param name="Context">Who received it, and tracing.</param>
public sealed record AttachMaterial(string CaseId, string MaterialId, string FileName, string MediaType, long SizeBytes, string ContentHash, long? ExpectedRevision, CommandContext Context)
    : ICommand<CaseRevision>, IAffairsCommand;

internal sealed class AttachMaterialValidator : ICommandValidator<AttachMaterial>
{
    public void Validate(AttachMaterial command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.MaterialId), "materialId", "Say which material this is.")
            .AddIf(string.IsNullOrWhiteSpace(command.FileName) || command.FileName.Length > 255, "fileName", "A file name has 1 to 255 characters.")
            .AddIf(string.IsNullOrWhiteSpace(command.MediaType), "mediaType", "A media type is required.")
            .AddIf(command.SizeBytes <= 0, "sizeBytes", "The size is positive.")
            .AddIf(command.ContentHash is not { Length: 64 } || !command.ContentHash.All(char.IsAsciiHexDigit), "contentHash", "The content hash is a SHA-256 in 64 hex digits.");
}

internal sealed class AttachMaterialHandler(CaseEngine engine) : ICommandHandler<AttachMaterial, CaseRevision>
{
    public async ValueTask<CaseRevision> Handle(AttachMaterial command, CancellationToken cancellationToken) =>
        await engine.ActAsync(command.CaseId, command.ExpectedRevision, command, applicantMay: true, act =>
        {
            if (act.Type.Definition.Materials.All(m => m.Id != command.MaterialId))
            {
                throw new ValidationErrors()
                    .Add("materialId", $"'{act.Type.Id}' lists no material '{command.MaterialId}'; it lists {string.Join(", ", act.Type.Definition.Materials.Select(m => m.Id))}.")
                    .ToException();
            }

            return [new CaseMaterialAttached(act.State.CaseId, command.MaterialId, command.FileName, command.MediaType, command.SizeBytes, command.ContentHash.ToLowerInvariant(), command.Context.Actor.Id, act.Participant.ActingRole, act.Now)];
        }, cancellationToken).ConfigureAwait(false);
}
