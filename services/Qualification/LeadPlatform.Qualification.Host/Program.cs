using LeadPlatform.Qualification;
using LeadPlatform.ServiceDefaults;

return await ServiceHost.RunAsync(args, QualificationHost.Build);
