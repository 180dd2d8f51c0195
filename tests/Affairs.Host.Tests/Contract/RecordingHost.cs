using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Host.Tests.Contract;

/// <summary>One answer as the host sent it, with the operation (the endpoint's name, its <c>operationId</c>) that answered.</summary>
public sealed record Exchange(string OperationId, string Request, int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A host of its own that keeps every answer a named endpoint gave, as sent: a middleware ahead of the whole pipeline
/// copies the status, headers and body, so what is checked is what a client received.
/// </summary>
public sealed class RecordingHost : HostFactory
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    public IReadOnlyCollection<Exchange> Exchanges => _exchanges;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new Recorder(_exchanges)));
    }

    private sealed class Recorder(ConcurrentQueue<Exchange> exchanges) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(RecordAsync);
            next(app);
        };

        private async Task RecordAsync(HttpContext context, RequestDelegate next)
        {
            var sent = context.Response.Body;
            using var copy = new MemoryStream();
            context.Response.Body = copy;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = sent;
                copy.Position = 0;
                await copy.CopyToAsync(sent, context.RequestAborted);

                // An empty answer (204) has not started yet: start it, so the headers set when it starts are there.
                if (!context.Response.HasStarted)
                {
                    await context.Response.StartAsync(context.RequestAborted);
                }
            }

            if (context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } operationId)
            {
                var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                exchanges.Enqueue(new Exchange(
                    operationId,
                    $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}",
                    context.Response.StatusCode,
                    context.Response.ContentType,
                    headers,
                    copy.ToArray()));
            }
        }
    }
}
