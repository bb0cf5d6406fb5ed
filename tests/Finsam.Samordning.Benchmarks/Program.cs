using Finsam.Samordning.Benchmarks;

// Usage:
//   dotnet run -c Release --project tests/Finsam.Samordning.Benchmarks -- stall-scan [--cases 100000,300000] [--due-percent 1] [--connection <database an earlier run generated, or an empty one to generate into>] [--generate-only]
//   dotnet run -c Release --project tests/Finsam.Samordning.Benchmarks -- load [--seconds 30] [--seed-cases 100000] [--clients 8] [--warm-up 90]
//   dotnet run -c Release --project tests/Finsam.Samordning.Benchmarks -- follow-up [--cases 100000] [--runs 5] [--connection <held database>]
//   dotnet run -c Release --project tests/Finsam.Samordning.Benchmarks -- follow-up-compute [--cases 100000] [--runs 3]
//   dotnet run -c Release --project tests/Finsam.Samordning.Benchmarks -- stall-rules-compute [--cases 20000] [--runs 3]
var command = args.FirstOrDefault() ?? "help";
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

switch (command)
{
    case "stall-scan":
        var sizes = Option("--cases", "100000,300000").Split(',').Select(int.Parse).ToList();
        await StallScanBenchmark.RunAsync(sizes, double.Parse(Option("--due-percent", "1"), System.Globalization.CultureInfo.InvariantCulture),
            args.Contains("--connection") ? Option("--connection", "") : null, args.Contains("--generate-only"));
        break;
    case "load":
        await LoadBenchmark.RunAsync(int.Parse(Option("--seconds", "30")), int.Parse(Option("--seed-cases", "100000")), int.Parse(Option("--clients", "8")),
            int.Parse(Option("--warm-up", "90")));
        break;
    case "follow-up":
        await FollowUpBenchmark.RunAsync(Option("--cases", "100000").Split(',').Select(int.Parse).ToList(), int.Parse(Option("--runs", "5")),
            args.Contains("--connection") ? Option("--connection", "") : null);
        break;
    case "stall-rules-compute":
        StallRulesBenchmark.Compute(int.Parse(Option("--cases", "20000")), int.Parse(Option("--runs", "3")));
        break;
    case "follow-up-compute":
        FollowUpBenchmark.Compute(int.Parse(Option("--cases", "100000")), int.Parse(Option("--runs", "3")));
        break;
    default:
        Console.WriteLine("commands: stall-scan [--cases 100000,300000] [--due-percent 1] | load [--seconds 30] [--seed-cases 100000] [--clients 8] [--warm-up 90] | follow-up [--cases 100000] [--runs 5] [--connection <held database>] | follow-up-compute [--cases 100000] [--runs 3] | stall-rules-compute [--cases 20000] [--runs 3]");
        break;
}
