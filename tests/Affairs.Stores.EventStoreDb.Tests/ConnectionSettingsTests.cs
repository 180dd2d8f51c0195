using System.Text;
using Affairs.Stores.EventStoreDb.Connection;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class ConnectionSettingsTests
{
    [Fact]
    public void an_insecure_url_speaks_plain_http2_to_the_node()
    {
        var settings = ConnectionSettings.Parse("esdb://127.0.0.1:2113?tls=false");

        Assert.Equal(new Uri("http://127.0.0.1:2113"), settings.Address);
        Assert.False(settings.UseTls);
        Assert.Null(settings.UserName);
        Assert.Null(settings.AuthorizationHeader);
    }

    [Fact]
    public void tls_is_on_and_the_port_is_2113_unless_the_url_says_otherwise()
    {
        var settings = ConnectionSettings.Parse("esdb://events.district.example");

        Assert.Equal(new Uri("https://events.district.example:2113"), settings.Address);
        Assert.True(settings.UseTls);
        Assert.True(settings.VerifyCertificate);
    }

    [Fact]
    public void tls_with_certificate_checks_off_is_an_explicit_choice()
    {
        var settings = ConnectionSettings.Parse("esdb://node1:2114?tls=true&tlsVerifyCert=false");

        Assert.Equal(new Uri("https://node1:2114"), settings.Address);
        Assert.False(settings.VerifyCertificate);
    }

    [Fact]
    public void parameter_names_and_values_are_case_insensitive()
    {
        var settings = ConnectionSettings.Parse("esdb://node1:2113?TLS=False&TlsVerifyCert=TRUE");

        Assert.False(settings.UseTls);
        Assert.True(settings.VerifyCertificate);
    }

    [Fact]
    public void credentials_become_a_basic_authorization_header()
    {
        var settings = ConnectionSettings.Parse("esdb://admin:changeit@127.0.0.1:2113");

        Assert.Equal("admin", settings.UserName);
        Assert.Equal("changeit", settings.Password);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:changeit")), settings.AuthorizationHeader);
    }

    [Fact]
    public void escaped_characters_in_credentials_are_unescaped()
    {
        var settings = ConnectionSettings.Parse("esdb://ops%40centre:p%3Ass%40word@127.0.0.1:2113?tls=false");

        Assert.Equal("ops@centre", settings.UserName);
        Assert.Equal("p:ss@word", settings.Password);
    }

    [Fact]
    public void an_ipv6_host_keeps_its_brackets()
    {
        Assert.Equal(new Uri("http://[::1]:2113"), ConnectionSettings.Parse("esdb://[::1]:2113?tls=false").Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("http://127.0.0.1:2113")]
    [InlineData("esdb+discover://")]
    [InlineData("esdb+discover://node1:2113,,node3:2113")]
    [InlineData("esdb://127.0.0.1:2113/some/path")]
    [InlineData("esdb://127.0.0.1:2113?tls=maybe")]
    [InlineData("esdb://127.0.0.1:2113?nodePreference=nearest")]
    [InlineData("esdb://127.0.0.1:2113?maxDiscoverAttempts=0")]
    [InlineData("esdb://127.0.0.1:2113?readOnly=true")]
    [InlineData("esdb://admin@127.0.0.1:2113")]
    [InlineData("127.0.0.1:2113")]
    public void urls_the_adapter_cannot_use_are_refused_with_a_reason(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => ConnectionSettings.Parse(url));

        Assert.Contains("EventStoreDB connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void one_host_is_that_node_without_discovery()
    {
        var settings = ConnectionSettings.Parse("esdb://127.0.0.1:2113?tls=false");

        Assert.False(settings.Discover);
        Assert.Equal([new Uri("http://127.0.0.1:2113")], settings.Nodes);
    }

    [Fact]
    public void discovery_takes_every_host_as_a_gossip_seed_and_prefers_the_leader()
    {
        var settings = ConnectionSettings.Parse("esdb+discover://admin:changeit@127.0.0.1:2113,127.0.0.1:2123,node3?tls=false");

        Assert.True(settings.Discover);
        Assert.Equal(
            [new Uri("http://127.0.0.1:2113"), new Uri("http://127.0.0.1:2123"), new Uri("http://node3:2113")],
            settings.Nodes);
        Assert.Equal(NodePreference.Leader, settings.NodePreference);
        Assert.Equal("admin", settings.UserName);
        Assert.Equal(new Uri("http://127.0.0.2:2133"), settings.AddressOf("127.0.0.2", 2133));
    }

    [Fact]
    public void several_hosts_in_an_esdb_url_are_discovered_too()
    {
        Assert.True(ConnectionSettings.Parse("esdb://node1:2113,node2:2113").Discover);
    }

    [Fact]
    public void the_url_can_prefer_another_member_and_bound_the_search()
    {
        var settings = ConnectionSettings.Parse(
            "esdb+discover://node1:2113?nodePreference=Follower&maxDiscoverAttempts=3&discoveryInterval=50&gossipTimeout=700");

        Assert.Equal(NodePreference.Follower, settings.NodePreference);
        Assert.Equal(3, settings.MaxDiscoverAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(50), settings.DiscoveryInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(700), settings.GossipTimeout);
        Assert.Equal(new Uri("https://[::1]:2113"), settings.AddressOf("::1", 2113));
    }

    [Fact]
    public void neither_the_description_nor_an_error_repeats_the_password()
    {
        var settings = ConnectionSettings.Parse("esdb://admin:s3cret-pw@127.0.0.1:2113?tls=false");
        var error = Assert.Throws<ArgumentException>(() => ConnectionSettings.Parse("esdb://admin:s3cret-pw@127.0.0.1:2113?tls=perhaps"));

        Assert.DoesNotContain("s3cret-pw", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
    }
}
