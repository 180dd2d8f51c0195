using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Affairs.Host.Tests.Security;

/// <summary>The host with JWT bearer configured by a symmetric signing key, issuer and audience.</summary>
public sealed class JwtHostFactory : HostFactory
{
    public const string SigningKey = "a-test-signing-key-of-at-least-32-bytes!";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:Jwt:SigningKey", SigningKey);
        builder.UseSetting("Auth:Jwt:Issuer", "district-idp");
        builder.UseSetting("Auth:Jwt:Audience", "affairs");
    }
}

public sealed class JwtTests(JwtHostFactory host) : IClassFixture<JwtHostFactory>
{
    [Fact]
    public async Task a_signed_token_with_role_and_scopes_is_accepted_and_its_roles_apply()
    {
        var client = WithToken(Token(JwtHostFactory.SigningKey, new Claim("sub", "district-portal"), new Claim("role", "integration"), new Claim("scope", "feed:read residents:read")));

        var feed = await client.GetAsync("/api/feed?wait=0");
        var cases = await client.Post("/api/cases", new { });

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cases.StatusCode);
    }

    [Fact]
    public async Task a_token_signed_with_another_key_is_401()
    {
        var client = WithToken(Token("another-signing-key-of-at-least-32-bytes", new Claim("sub", "x"), new Claim("role", "auditor")));

        var response = await client.GetAsync("/api/organisation");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task api_keys_still_work_beside_tokens()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.As("demo-auditor").GetAsync("/api/organisation")).StatusCode);
    }

    private HttpClient WithToken(string token)
    {
        var client = host.As(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Token(string key, params Claim[] claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "district-idp",
        Audience = "affairs",
        Subject = new ClaimsIdentity(claims),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}
