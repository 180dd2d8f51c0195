// Benchmarks, run by hand: dotnet run -c Release --project tests/Affairs.Benchmarks -- append|commands|replay|breakdown|projections|append-esdb|postgres|restart|board-memory [--seconds S] [--rounds R] [--events N] [--cases N]
// Every figure is a median over rounds, and each table carries a baseline measured in the same run.
using System.Globalization;
using Affairs.Benchmarks;

var arguments = BenchmarkArguments.Parse(args);
switch (arguments.Suite)
{
    case "append":
        await AppendBenchmark.RunAsync(arguments);
        return 0;
    case "projections":
        await ProjectionBenchmark.RunAsync(arguments);
        return 0;
    case "append-esdb":
        await EventStoreDbAppendBenchmark.RunAsync(arguments);
        return 0;
    case "commands":
        return await CommandsBenchmark.RunAsync(arguments);
    case "breakdown":
        return await BreakdownBenchmark.RunAsync(arguments);
    case "replay":
        return await ReplayBenchmark.RunAsync(arguments);
    case "restart":
        return await RestartBenchmark.RunAsync(arguments);
    case "board-memory":
        return await BoardMemoryBenchmark.RunAsync(arguments);
    case "postgres":
        return await PostgresAppendBenchmark.RunAsync(arguments);
    default:
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unknown suite '{arguments.Suite}'; known: append, commands, replay, breakdown, projections, append-esdb, postgres, restart, board-memory"));
        return 2;
}
