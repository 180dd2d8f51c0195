using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Affairs.Console.Tests;

/// <summary>
/// A minimal OpenID Connect provider on a loopback port, for the console's sign-in: a discovery document, its RSA key
/// (made here) as a JWKS, an authorize endpoint that signs whoever <see cref="StaffId"/> says in at once and sends the
/// browser back with a code, a token endpoint that checks the client, the redirect and the PKCE verifier before issuing
/// a signed ID token with the nonce, and an end-session endpoint that sends the browser back.
/// </summary>
public sealed class FakeOpenIdProvider : IDisposable
{
    public const string ClientId = "affairs-console";
    public const string ClientSecret = "console-secret-for-tests";

    /// <summary>The claim the console is configured to read the staff id from.</summary>
    public const string StaffClaim = "affairs_staff";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private int _redeemed;
    private int _refused;
    private int _sessionsEnded;

    public FakeOpenIdProvider()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Keys);
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        _app.MapGet("/end-session", EndSession);
        _app.StartAsync().GetAwaiter().GetResult();
        Authority = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
    }

    /// <summary>The issuer, such as <c>http://127.0.0.1:40125</c>.</summary>
    public string Authority { get; }

    /// <summary>The provider's own subject for the person signing in next.</summary>
    public string Subject { get; set; } = "u-1001";

    /// <summary>The staff id the next ID token carries in <see cref="StaffClaim"/>, or null for none.</summary>
    public string? StaffId { get; set; }

    /// <summary>Codes exchanged for tokens, each with a verifier matching its challenge.</summary>
    public int Redeemed => _redeemed;

    /// <summary>Token requests refused (wrong client, redirect, verifier or code).</summary>
    public int Refused => _refused;

    /// <summary>Times the end-session endpoint was visited.</summary>
    public int SessionsEnded => _sessionsEnded;

    /// <summary>The console's settings for this provider.</summary>
    public Dictionary<string, string> Settings(string displayName) => new()
    {
        ["Console:OpenIdConnect:Authority"] = Authority,
        ["Console:OpenIdConnect:ClientId"] = ClientId,
        ["Console:OpenIdConnect:ClientSecret"] = ClientSecret,
        ["Console:OpenIdConnect:DisplayName"] = displayName,
        ["Console:OpenIdConnect:StaffClaim"] = StaffClaim,
        ["Console:OpenIdConnect:RequireHttpsMetadata"] = "false",
        ["Console:OpenIdConnect:SignOutAtProvider"] = "true",
    };

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = Authority + "/authorize",
        ["token_endpoint"] = Authority + "/token",
        ["jwks_uri"] = Authority + "/jwks",
        ["end_session_endpoint"] = Authority + "/end-session",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
    });

    private IResult Keys()
    {
        var key = _rsa.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = _key.KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        var redirect = query["redirect_uri"].ToString();
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["nonce"]) || string.IsNullOrEmpty(query["state"])
            || !redirect.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
        {
            return Results.BadRequest("Not an authorization request this provider takes.");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(redirect, query["code_challenge"].ToString(), query["nonce"].ToString(), Subject, StaffId);
        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var verifier = form["code_verifier"].ToString();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
            || !_codes.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri
            || verifier.Length < 43 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
        {
            Interlocked.Increment(ref _refused);
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        Interlocked.Increment(ref _redeemed);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = grant.Subject, ["nonce"] = grant.Nonce, ["name"] = "Test Person" };
        if (grant.StaffId is { } staffId)
        {
            claims[StaffClaim] = staffId;
        }

        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private IResult EndSession(HttpRequest request)
    {
        Interlocked.Increment(ref _sessionsEnded);
        var back = request.Query["post_logout_redirect_uri"].ToString();
        return back.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)
            ? Results.Redirect($"{back}?state={Uri.EscapeDataString(request.Query["state"].ToString())}")
            : Results.BadRequest("No way back.");
    }

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
        _rsa.Dispose();
    }

    private sealed record Grant(string RedirectUri, string Challenge, string Nonce, string Subject, string? StaffId);
}
