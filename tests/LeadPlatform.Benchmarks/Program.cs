using BenchmarkDotNet.Running;

if (args is ["claims-eval", ..])
{
    LeadPlatform.Benchmarks.Compliance.ClaimsEvaluation.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
