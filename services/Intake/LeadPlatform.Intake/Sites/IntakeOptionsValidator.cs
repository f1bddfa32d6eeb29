using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake.Sites;

/// <summary>Refuses to start with a site that could not work (short key, malformed origin, an origin of two sites).</summary>
internal sealed class IntakeOptionsValidator : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        var errors = SiteDirectory.Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
