using BenchmarkDotNet.Running;

if (args is ["claims-eval", ..])
{
    LeadPlatform.Benchmarks.Compliance.ClaimsEvaluation.Run(args);
    return;
}

if (args is ["claims-train", ..])
{
    LeadPlatform.Benchmarks.Compliance.ClaimsTraining.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
