using LeadPlatform.LoadTool;

// The load tool: see LoadOptions.Usage, or run it with --help.
//   dotnet run -c Release --project tests/LeadPlatform.LoadTool -- --target distributed --requests 10000 --json results.json
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await LoadRun.MainAsync(args, Console.Out, cancel.Token);
