using System.Text;
using Affairs.Host.WebConsole;
using Affairs.Workflows.ApiKeys;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Pipeline;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Affairs.Host.Security;

/// <summary>
/// API keys always; JWT bearer tokens too when <c>Auth:Jwt</c> names an <c>Authority</c> (OpenID Connect discovery) or
/// a symmetric <c>SigningKey</c>, with <c>Issuer</c> and <c>Audience</c>. Tokens carry <c>sub</c>, <c>role</c>,
/// <c>scope</c> and optionally <c>staff_id</c>.
/// </summary>
internal static class AuthenticationRegistration
{
    private const string Selector = "Affairs";

    public static IServiceCollection AddAffairsAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ApiKeyIndex>();
        services.AddSingleton<IFollowedCatalog>(sp => sp.GetRequiredService<ApiKeyIndex>());
        services.AddSingleton<ApiKeyIssuer>();
        services.AddSingleton<ICommandValidator<IssueApiKey>, ApiKeyScopeValidator>();
        var signIn = ConsoleSignIn.Read(configuration);
        services.AddSingleton(signIn);
        var jwt = configuration.GetSection("Auth:Jwt");
        var jwtEnabled = !string.IsNullOrEmpty(jwt["Authority"]) || !string.IsNullOrEmpty(jwt["SigningKey"]);
        var builder = services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key, bearer token or console session", o => o.ForwardDefaultSelector = context =>
                ConsoleSession.Serves(context.Request) ? ConsoleSession.SchemeName
                : jwtEnabled && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddConsoleSession(signIn);
        if (jwtEnabled)
        {
            builder.AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Authority = jwt["Authority"] is { Length: > 0 } authority ? authority : null;
                o.Audience = jwt["Audience"];
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt["Issuer"],
                    ValidateIssuer = !string.IsNullOrEmpty(jwt["Issuer"]),
                    ValidAudience = jwt["Audience"],
                    ValidateAudience = !string.IsNullOrEmpty(jwt["Audience"]),
                    IssuerSigningKey = jwt["SigningKey"] is { Length: > 0 } key ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)) : null,
                    NameClaimType = AffairsClaims.Subject,
                    RoleClaimType = AffairsClaims.Role,
                };
            });
        }

        services.AddAuthorization(options =>
        {
            AccessPolicies.Add(options);
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }
}
