using BenchmarkDotNet.Running;
using OpenClosedDebate.Benchmarks;

// dotnet run -c Release --project tests/OpenClosedDebate.Benchmarks -- --filter '*'     (BenchmarkDotNet)
// dotnet run -c Release --project tests/OpenClosedDebate.Benchmarks -- exports          (large exports against a server process)
if (args is ["exports", ..])
{
    return await ExportMeasurement.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(TallyBenchmarks).Assembly).Run(args);
return 0;
