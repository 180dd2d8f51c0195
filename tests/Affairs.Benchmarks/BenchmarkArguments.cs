using System.Globalization;

namespace Affairs.Benchmarks;

/// <summary>
/// The command line: a suite name, then <c>--seconds</c>, <c>--rounds</c>, <c>--callers</c>, and for the suites that
/// write a log of their own <c>--events</c> (its size) and <c>--cases</c> (cases of each kind).
/// </summary>
internal sealed record BenchmarkArguments(string Suite, TimeSpan Duration, int Rounds, int[] Callers, bool CallersGiven, int? Events = null, int? Cases = null)
{
    /// <summary>The callers asked for, or <paramref name="otherwise"/> where none were.</summary>
    public int[] CallersOr(params int[] otherwise) => CallersGiven ? Callers : otherwise;

    public static BenchmarkArguments Parse(string[] args)
    {
        var suite = args.Length > 0 ? args[0] : "append";
        var seconds = 3.0;
        var rounds = 5;
        int[] callers = [1, 32];
        var callersGiven = false;
        int? events = null;
        int? cases = null;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--seconds":
                    seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--rounds":
                    rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--callers":
                    callers = args[i + 1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
                    callersGiven = true;
                    break;
                case "--events":
                    events = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--cases":
                    cases = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return new BenchmarkArguments(suite, TimeSpan.FromSeconds(seconds), rounds, callers, callersGiven, events, cases);
    }
}
