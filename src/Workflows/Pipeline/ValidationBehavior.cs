using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Idempotency;
using Mediator;

namespace Affairs.Workflows.Pipeline;

/// <summary>
/// Runs every <see cref="ICommandValidator{TCommand}"/> of a command, the context checks and the
/// <see cref="InputLimits"/>, and refuses with all problems at once.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<ICommandValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <inheritdoc />
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var errors = new ValidationErrors();
        if (message is IAffairsCommand { Context: var context })
        {
            errors.AddIf(context is null || string.IsNullOrWhiteSpace(context.Actor?.Id), "context.actor", "The command has no actor.")
                .AddIf(context is not null && string.IsNullOrWhiteSpace(context.CommandId), "context.commandId", "The command has no id.")
                .AddIf(context?.IdempotencyKey is { } key && !IdempotencyKeys.IsValid(key), "Idempotency-Key", $"An idempotency key has 1 to {IdempotencyKeys.MaxLength} visible ASCII characters.");
        }

        foreach (var validator in validators)
        {
            validator.Validate(message, errors);
        }

        InputLimits.Validate(message, errors);

        errors.ThrowIfAny();
        return next(message, cancellationToken);
    }
}
