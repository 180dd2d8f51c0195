namespace Affairs.EventStore;

/// <summary>What a host knows of the scheduler lease after trying to take or renew it.</summary>
/// <param name="Held">Whether this host holds it.</param>
/// <param name="Holder">Who holds it as far as this host knows: its own id when held, another host's, or null when unknown.</param>
public sealed record LeaseState(bool Held, string? Holder);
