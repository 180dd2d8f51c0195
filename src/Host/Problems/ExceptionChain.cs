namespace Affairs.Host.Problems;

/// <summary>Finds an exception of a kind however deep a pipeline or the host wrapped it.</summary>
internal static class ExceptionChain
{
    /// <summary>The first <typeparamref name="T"/> in <paramref name="exception"/> or its inner exceptions; null when there is none.</summary>
    public static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
