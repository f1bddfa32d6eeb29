using Microsoft.AspNetCore.Components;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>
/// The typed model of one page component: everything it renders from, as one record, given to it as its <c>Model</c>
/// parameter by <see cref="DashboardEndpoints.Page{TComponent}(IPageModel{TComponent}, int)"/>. A field the page needs
/// and the endpoint does not give, or gives under another name, is a compile error, not an empty page.
/// </summary>
/// <typeparam name="TComponent">The page the model is for (a model cannot be given to another page).</typeparam>
public interface IPageModel<TComponent> where TComponent : IComponent
{
}
