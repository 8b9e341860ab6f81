namespace Cooperative.Api.Public;

/// <summary>
/// The public page (信息公开): plain HTML, CSS and JavaScript from wwwroot, served at <c>/</c> with no build
/// step and nothing fetched from elsewhere. Its script fills the page from the public API and only ever sets
/// text (never HTML); the content security policy below forbids inline script besides, so that a complaint
/// that reads like markup stays text twice over.
/// </summary>
public static class PublicPage
{
    private const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UsePublicPage(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                // Small files: revalidate every time, so that a new release is seen at once.
                headers.CacheControl = "no-cache";
            },
        });
    }
}
