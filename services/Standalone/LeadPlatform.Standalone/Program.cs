using LeadPlatform.ServiceDefaults;
using LeadPlatform.Standalone;

return await ServiceHost.RunAsync(args, StandaloneHost.Build);
