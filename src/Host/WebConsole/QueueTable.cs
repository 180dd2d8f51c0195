using Affairs.Workflows.Queues;

namespace Affairs.Host.WebConsole;

/// <summary>One table of queue items, as the queue and supervision pages show it.</summary>
/// <param name="Id">The table's element id, for its heading.</param>
/// <param name="Caption">The heading.</param>
/// <param name="Items">The items.</param>
/// <param name="Page">The page, for times and labels in the reader's language.</param>
public sealed record QueueTable(string Id, string Caption, IReadOnlyList<QueueItem> Items, ConsolePage Page);
