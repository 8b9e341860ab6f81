using Cooperative.Api.Audit;
using Cooperative.Api.Auth;

namespace Cooperative.Api.County;

/// <summary>
/// Who the generator acts as in a scope: the window clerk who imports and enrols, a facility's system that
/// submits its bills, the window that enters paper claims. The audit trail records that actor, with a
/// correlation id naming the generator's run, so synthetic rows are always recognisable.
/// </summary>
internal sealed class CountyActor : ICurrentActor
{
    public Actor Current { get; set; } = Actor.System;

    public static Actor Window(string run) => new("window", Roles.Window, run);

    public static Actor Admin(string run) => new("admin", Roles.Admin, run);

    public static Actor Facility(string facilityCode, string run) => new($"facility-{facilityCode}", Roles.Facility, run);
}
