namespace Affairs.Host.Tests.Contract;

/// <summary>
/// The document the host serves is the committed contract that clients are generated from. After adding or changing
/// a route, regenerate it with <c>AFFAIRS_UPDATE_CONTRACT=1 dotnet test tests/Affairs.Host.Tests --filter ContractDocumentTests</c>.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ContractDocumentTests(HostFactory host)
{
    [Fact]
    public async Task the_served_document_is_the_committed_contract()
    {
        var served = await ContractDocument.ServedAsync(host);
        if (Environment.GetEnvironmentVariable(ContractDocument.UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ContractDocument.CommittedPath)!);
            await File.WriteAllTextAsync(ContractDocument.CommittedPath, served);
        }

        var committed = File.Exists(ContractDocument.CommittedPath) ? (await File.ReadAllTextAsync(ContractDocument.CommittedPath)).ReplaceLineEndings("\n") : "";
        Assert.True(
            served == committed,
            $"The served OpenAPI document differs from {ContractDocument.CommittedPath}. Regenerate it with " +
            $"{ContractDocument.UpdateVariable}=1 dotnet test tests/Affairs.Host.Tests --filter ContractDocumentTests, review the diff and commit it.");
    }
}
