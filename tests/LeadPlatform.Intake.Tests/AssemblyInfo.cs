using LeadPlatform.TestSupport;

[assembly: AssemblyFixture(typeof(RabbitMqFixture))]
