using System.Net;

namespace Affairs.Host.Tests.Security;

/// <summary>
/// The keys that protect the console's cookies are kept where the deployment keeps its state: on the embedded store, in
/// the data folder (readable by the owner only), so that a restart ends no session; elsewhere as configured.
/// </summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task on_the_embedded_store_the_console_keys_are_kept_in_the_data_folder_readable_by_the_owner_only()
    {
        using var host = new HostFactory();
        var form = await host.CreateClient().GetAsync("/console/sign-in");

        var keys = Path.Combine(host.DataFolder, "keys");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        }
    }

    [Fact]
    public async Task a_console_key_file_overwritten_with_garbage_is_set_aside_and_the_console_still_answers()
    {
        using (var first = new HostFactory())
        {
            await first.CreateClient().GetAsync("/console/sign-in");
            var keys = Path.Combine(first.DataFolder, "keys");
            var file = Directory.GetFiles(keys, "key-*.xml").Single();
            await File.WriteAllTextAsync(file, "<key id=\"not even closed\"");

            using var again = new KeyRingHost(first.DataFolder);
            var form = await again.CreateClient().GetAsync("/console/sign-in");

            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Single(Directory.GetFiles(keys, "key-*.xml.unreadable-*"));
            Assert.Single(Directory.GetFiles(keys, "key-*.xml"));
        }
    }

    [Fact]
    public async Task a_key_ring_folder_given_is_used_and_an_unknown_kind_stops_the_start()
    {
        var shared = Path.Combine(Path.GetTempPath(), "affairs-key-ring-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var host = new ConsoleSignInHost(new() { ["Console:KeyRing:Folder"] = shared }))
            {
                await host.CreateClient().GetAsync("/console/sign-in");
                Assert.False(Directory.Exists(Path.Combine(host.DataFolder, "keys")));
            }

            using var unknown = new ConsoleSignInHost(new() { ["Console:KeyRing:Kind"] = "Redis" });
            var error = Assert.Throws<InvalidOperationException>(() => unknown.CreateClient());

            Assert.NotEmpty(Directory.GetFiles(shared, "key-*.xml"));
            Assert.Contains("Unknown Console:KeyRing:Kind 'Redis'", error.Message);
        }
        finally
        {
            if (Directory.Exists(shared))
            {
                Directory.Delete(shared, recursive: true);
            }
        }
    }

    /// <summary>A host whose console keys are in <paramref name="dataFolder"/>'s key folder, as a restarted host's are.</summary>
    private sealed class KeyRingHost(string dataFolder) : HostFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Console:KeyRing:Folder", Path.Combine(dataFolder, "keys"));
        }
    }
}
