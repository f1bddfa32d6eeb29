using LeadPlatform.Intake;
using LeadPlatform.ServiceDefaults;

return await ServiceHost.RunAsync(args, IntakeHost.Build);
