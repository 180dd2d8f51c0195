namespace Affairs.Domain.Calendar;

/// <summary>A public holiday: the days off from <paramref name="From"/> to <paramref name="To"/>, both inclusive.</summary>
/// <param name="Name">The holiday's name.</param>
/// <param name="From">The first day off.</param>
/// <param name="To">The last day off.</param>
public sealed record Holiday(string Name, DateOnly From, DateOnly To);
