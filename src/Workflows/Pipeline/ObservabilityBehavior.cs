using System.Diagnostics;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Affairs.Workflows.Pipeline;

/// <summary>
/// Logs, meters and traces every command by its type, actor, correlation id and outcome — never its payload, which may
/// carry personal data. A query carries no command context: it is logged by its type and outcome (the host's log scope
/// holds the request's correlation id).
/// </summary>
public sealed partial class ObservabilityBehavior<TMessage, TResponse>(ILogger<ObservabilityBehavior<TMessage, TResponse>> logger, AffairsMetrics metrics)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <inheritdoc />
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var command = typeof(TMessage).Name;
        var context = (message as IAffairsCommand)?.Context;
        using var activity = AffairsMetrics.Activities.StartActivity(command);
        activity?.SetTag("affairs.correlation_id", context?.CorrelationId);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await next(message, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandRejectedException rejected)
        {
            outcome = rejected.Code;
            if (rejected.Kind == RejectionKind.Conflict)
            {
                metrics.Conflicts.Add(1, new KeyValuePair<string, object?>("command", command));
            }

            if (context is null)
            {
                LogQueryRejected(command, rejected.Code);
            }
            else
            {
                LogRejected(command, context.Actor.Id, context.CorrelationId, rejected.Code);
            }

            throw;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            outcome = "error";
            if (context is null)
            {
                LogQueryFailed(command, error.GetType().Name);
            }
            else
            {
                LogFailed(command, context.Actor.Id, context.CorrelationId, error.GetType().Name);
            }

            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            metrics.Commands.Add(1, new KeyValuePair<string, object?>("command", command), new KeyValuePair<string, object?>("outcome", outcome));
            metrics.Duration.Record(elapsed, new KeyValuePair<string, object?>("command", command));
            activity?.SetTag("affairs.outcome", outcome);
            if (context is null)
            {
                LogQueryHandled(command, outcome, elapsed);
            }
            else
            {
                LogHandled(command, context.Actor.Id, context.CorrelationId, outcome, elapsed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Command} by {Actor} ({CorrelationId}): {Outcome} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string command, string actor, string correlationId, string outcome, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} by {Actor} ({CorrelationId}) refused: {Code}")]
    private partial void LogRejected(string command, string actor, string correlationId, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Command} by {Actor} ({CorrelationId}) failed with {ErrorType}")]
    private partial void LogFailed(string command, string actor, string correlationId, string errorType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Query}: {Outcome} in {ElapsedMs:0.0} ms")]
    private partial void LogQueryHandled(string query, string outcome, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Query} refused: {Code}")]
    private partial void LogQueryRejected(string query, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Query} failed with {ErrorType}")]
    private partial void LogQueryFailed(string query, string errorType);
}
