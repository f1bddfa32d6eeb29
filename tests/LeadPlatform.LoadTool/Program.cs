using LeadPlatform.LoadTool;

// The load tool: see LoadOptions.Usage, or run it with --help.
//   dotnet run -c Release --project tests/LeadPlatform.LoadTool -- --target distributed --requests 10000 --json results.json
// Its fault mode (FaultRun): ... -- fault broker-outage --outage 10s
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
if (args.Length > 0 && args[0] == "fault") return await FaultRun.MainAsync(args[1..], Console.Out, cancel.Token);
return await LoadRun.MainAsync(args, Console.Out, cancel.Token);
