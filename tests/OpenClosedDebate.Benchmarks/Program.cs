using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/OpenClosedDebate.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
