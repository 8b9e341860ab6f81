namespace Cooperative.Api.Public;

/// <summary>
/// The public page (信息公开): plain HTML, CSS and JavaScript from wwwroot, served at <c>/</c> with no build
/// step and nothing fetched from elsewhere. Its script fills the page from the public API and only ever sets
/// text (never HTML); the content security policy below forbids inline script besides, so that a complaint
/// that reads like markup stays text twice over.
/// </summary>
public static class PublicPage
{
    private static string Policy(string connect) => "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        $"connect-src {connect}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The public page and the staff console (<c>/console/</c>, the same kind of files). With an external authority the
    /// console also talks to it (its discovery document, token and revocation endpoints), so its policy names it.
    /// </summary>
    public static IApplicationBuilder UsePublicPage(this IApplicationBuilder app)
    {
        var page = Policy("'self'");
        var authority = app.ApplicationServices.GetRequiredService<IConfiguration>()["Authentication:Authority"];
        var console = Uri.TryCreate(authority, UriKind.Absolute, out var external)
            ? Policy($"'self' {external.GetLeftPart(UriPartial.Authority)}") : page;
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = context.Context.Request.Path.StartsWithSegments("/console") ? console : page;
                // Small files: revalidate every time, so that a new release is seen at once.
                headers.CacheControl = "no-cache";
            },
        });
    }
}
