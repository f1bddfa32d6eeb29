using System.Reflection;
using LeadPlatform.FollowUp.Dashboard;
using Microsoft.AspNetCore.Components;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// Issue 15, item 5: each dashboard page renders from one typed model record, so the endpoint cannot leave out or misspell
/// a field (a compile error). What the compiler cannot see is a page that takes other parameters beside its model (they
/// would never be set): none does.
/// </summary>
public sealed class Rendering_pages_from_typed_models
{
    private static readonly Type[] Models = [.. typeof(IPageModel<>).Assembly.GetTypes()
        .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPageModel<>)))];

    [Fact]
    public void Every_page_takes_its_model_as_its_only_parameter()
    {
        Assert.True(Models.Length >= 29, $"{Models.Length} page models");
        foreach (var model in Models)
        {
            Assert.True(model.IsSealed, $"{model.Name} is sealed");
            var page = model.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPageModel<>)).GetGenericArguments()[0];
            var parameters = page.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null).ToList();
            var only = Assert.Single(parameters);
            Assert.Equal(("Model", model), (only.Name, only.PropertyType));
            Assert.NotNull(only.GetCustomAttribute<EditorRequiredAttribute>());
        }
    }
}
