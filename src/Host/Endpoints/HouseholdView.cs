using Affairs.Domain.Households;

namespace Affairs.Host.Endpoints;

/// <summary>A household as recorded and the stream revision (also its ETag).</summary>
internal sealed record HouseholdView(Household Household, long Revision);
