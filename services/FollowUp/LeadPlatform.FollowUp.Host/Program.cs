using LeadPlatform.FollowUp;
using LeadPlatform.ServiceDefaults;

return await ServiceHost.RunAsync(args, FollowUpHost.Build);
