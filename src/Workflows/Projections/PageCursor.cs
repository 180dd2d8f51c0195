using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Affairs.Domain.Rejections;

namespace Affairs.Workflows.Projections;

/// <summary>
/// The opaque cursor of a list read from the board: the log position of the last item a page gave, so the next page
/// starts right after it. Lists are ordered by log position, which only grows, so items recorded while a client pages
/// land after its cursor: no item is given twice and none recorded before the first page is skipped.
/// </summary>
public static class PageCursor
{
    /// <summary>The default page size.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 200;

    /// <summary>The cursor after the item at <paramref name="position"/>, for a list of <paramref name="kind"/>.</summary>
    public static string Encode(string kind, long position) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{kind}:{position.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The position a cursor stands after (0 for none), or a problem on <c>cursor</c> when it is not one of ours.</summary>
    public static long Decode(string kind, string? cursor, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        if (cursor.Length <= 64 && Base64Url.IsValid(cursor))
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            var prefix = kind + ":";
            if (text.StartsWith(prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }

        errors.Add("cursor", "Not a cursor of this list: pass the nextCursor of a previous page, or none for the first page.");
        return 0;
    }

    /// <summary>Checks a page size.</summary>
    public static ValidationErrors CheckLimit(this ValidationErrors errors, int limit)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.AddIf(limit is < 1 or > MaxLimit, "limit", $"The page size is from 1 to {MaxLimit}.");
    }

    /// <summary>
    /// One page of <paramref name="inOrder"/> (ordered by position) after <paramref name="after"/>: the first
    /// <paramref name="limit"/> entries <paramref name="select"/> keeps, and the cursor after the last one if more follow.
    /// </summary>
    public static (List<TItem> Items, string? NextCursor) Page<TEntry, TItem>(
        string kind, IReadOnlyList<TEntry> inOrder, Func<TEntry, long> position, long after, int limit, Func<TEntry, TItem?> select)
        where TItem : class
    {
        ArgumentNullException.ThrowIfNull(inOrder);
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(select);
        var items = new List<TItem>(Math.Min(limit, inOrder.Count));
        long last = after;
        for (var i = FirstAfter(inOrder, position, after); i < inOrder.Count; i++)
        {
            if (select(inOrder[i]) is not { } item)
            {
                continue;
            }

            if (items.Count == limit)
            {
                return (items, Encode(kind, last));
            }

            items.Add(item);
            last = position(inOrder[i]);
        }

        return (items, null);
    }

    internal static int FirstAfter<TEntry>(IReadOnlyList<TEntry> inOrder, Func<TEntry, long> position, long after)
    {
        int low = 0, high = inOrder.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (position(inOrder[middle]) <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
