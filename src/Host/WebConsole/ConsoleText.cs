namespace Affairs.Host.WebConsole;

/// <summary>The console's texts: keyed by their English, in <c>ConsoleText.resx</c> (English) and <c>ConsoleText.zh.resx</c> (Chinese, the default culture).</summary>
internal sealed class ConsoleText
{
}
