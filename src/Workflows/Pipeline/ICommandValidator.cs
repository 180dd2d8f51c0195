using Affairs.Domain.Rejections;

namespace Affairs.Workflows.Pipeline;

/// <summary>
/// Checks a command's input before its handler reads anything. Every validator of a command runs, and every problem
/// is reported at once. Checks that need the current state stay in the handler.
/// </summary>
/// <typeparam name="TCommand">The command checked.</typeparam>
public interface ICommandValidator<in TCommand>
{
    /// <summary>Adds every problem found to <paramref name="errors"/>.</summary>
    void Validate(TCommand command, ValidationErrors errors);
}
