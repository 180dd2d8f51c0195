namespace Affairs.Host.Cli;

/// <summary>The executable's exit codes.</summary>
internal static class CliExitCodes
{
    /// <summary>Done; everything checked matched.</summary>
    public const int Success = 0;

    /// <summary>Done, but something did not hold: a broken chain, an invalid definition, a refused line.</summary>
    public const int Failed = 1;

    /// <summary>Nothing was done: an unknown command or option, a bad value, a missing file, or a refused command.</summary>
    public const int Usage = 2;
}
