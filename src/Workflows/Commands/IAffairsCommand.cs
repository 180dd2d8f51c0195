namespace Affairs.Workflows.Commands;

/// <summary>A command of the engine: it carries its context, which the pipeline behaviours read.</summary>
public interface IAffairsCommand
{
    /// <summary>Who sends it and how to trace and deduplicate it.</summary>
    CommandContext Context { get; }
}
