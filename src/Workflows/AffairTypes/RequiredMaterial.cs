using Affairs.Domain.AffairTypes;
using Affairs.Domain.AffairTypes.Guards;

namespace Affairs.Workflows.AffairTypes;

/// <summary>A material a state requires, with its compiled condition (null: every case needs it).</summary>
/// <param name="Definition">The material as defined.</param>
/// <param name="Condition">The compiled <see cref="MaterialDefinition.RequiredWhen"/>, or null.</param>
public sealed record RequiredMaterial(MaterialDefinition Definition, GuardExpression? Condition)
{
    /// <summary>The material's id.</summary>
    public string Id => Definition.Id;
}
