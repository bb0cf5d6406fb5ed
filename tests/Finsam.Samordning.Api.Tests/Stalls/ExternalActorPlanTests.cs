using System.Net;
using Finsam.Samordning.Api.Tests.Infrastructure;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.Inbox;

namespace Finsam.Samordning.Api.Tests.Stalls;

/// <summary>
/// Issue 14 through HTTP: a plan action given to an actor outside the förbund named on the case (the
/// party that named it is told and answers for it), and the overview's actors, referrals to them, label
/// ends and parties without a caseworker, each shown only where consent opens it.
/// </summary>
public sealed class ExternalActorPlanTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _soc = api.ClientFor("handlaggare", "SOC", "soc-extplan");
    private readonly HttpClient _af = api.ClientFor("handlaggare", "AF", "af-extplan");
    private readonly HttpClient _fk = api.ClientFor("handlaggare", "FK", "fk-extplan");
    private readonly CaseDays _day = new(api.Clock, new DateOnly(2026, 3, 2));

    [Fact]
    public async Task An_action_for_an_external_actor_reaches_the_party_that_named_it_and_the_overview_shows_the_actor_and_its_waits()
    {
        _day.GoTo(0);
        var c = await _soc.OpenCase("SOC", "Socialtjänsten Landskrona", _day[0]);
        var caseId = CaseWalk.CaseId(c);
        await _soc.Invite(_af, c, "AF", "AF Landskrona", _day[0]);
        await _soc.Invite(_fk, c, "FK", "FK Lund", _day[0]);
        // The consent names SOC and AF only: FK, on the case, sees neither's entries.
        var consent = await _soc.Consent(c, ["SOC", "AF"], givenOn: _day[0]);
        await _af.Confirm(c, consent);
        var bup = await _soc.Ok($"{c}/external-actors", new { kind = "Bup", unit = "BUP Helsingborg", namedOn = _day[0] });
        await _soc.Ok($"{c}/external-actors/{bup.Id}/referrals", new { kind = "Remiss", respondBy = _day[5], sentOn = _day[0] });
        await _soc.Ok($"{c}/eligibility-ends", new { label = "EstablishmentPeriod", endsOn = _day[40], recordedOn = _day[0] });

        // Only an actor named on this case; exactly one responsible.
        var unknown = await _af.PostJson($"{c}/plan/actions", new { description = "Utredning", responsibleActorId = Guid.NewGuid(), dueOn = _day[10], plannedOn = _day[0] });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Equal("plan.responsible-actor-not-on-case", (string?)(await unknown.Object())["code"]);
        var two = await _af.PostJson($"{c}/plan/actions", new { description = "Utredning", responsibleParty = "AF", responsibleActorId = bup.Id, dueOn = _day[10], plannedOn = _day[0] });
        Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);

        var action = await _af.Ok($"{c}/plan/actions", new { description = "Neuropsykiatrisk utredning", responsibleActorId = bup.Id, dueOn = _day[10], plannedOn = _day[0] });
        var forSoc = Assert.Single(await _soc.Notices(), n => n.CaseId == caseId && n.Kind == NoticeKind.ActionForYou);
        Assert.Equal(action.Id, forSoc.EntryId);

        _day.GoTo(1);
        await _af.Ok($"{c}/parties/AF/caseworker/release", new { releasedOn = _day[1] });

        _day.GoTo(8);
        var o = await _soc.Overview(c);
        var planned = Assert.Single(o.Plan.Actions).Action;
        Assert.Equal((bup.Id, false, (PartyCode?)null), (planned.ResponsibleActorId, planned.IndividualResponsible, planned.ResponsibleParty));
        Assert.Equal((ExternalActorKind.Bup, "BUP Helsingborg", PartyCode.SOC), (Assert.Single(o.ExternalActors).Kind, o.ExternalActors[0].Unit, o.ExternalActors[0].NamedBy));
        var referral = Assert.Single(o.ExternalReferrals);
        Assert.Equal((_day.Date(0), _day.Date(5), (int?)8, true), (referral.Referral.SentOn, referral.Referral.RespondBy, referral.DaysWaiting, referral.PastRespondBy));
        Assert.Equal((EligibilityLabel.EstablishmentPeriod, 32), (Assert.Single(o.EligibilityEnds).End.Label, o.EligibilityEnds[0].DaysLeft));
        var af = Assert.Single(o.Parties, p => p.Party == PartyCode.AF);
        Assert.Equal((_day.Date(1), ""), (af.CaseworkerReleasedOn, af.CaseworkerName));

        // FK is on the case but no consent opens SOC's entries to it: the actor, the referral and the label end are withheld and counted.
        var fk = await _fk.Overview(c);
        Assert.Empty(fk.ExternalActors);
        Assert.Empty(fk.ExternalReferrals);
        Assert.Empty(fk.EligibilityEnds);
        Assert.Contains(fk.Withheld!, w => w.Category == "externalActors");
        // Who carries the case at each party is known to every party on it.
        Assert.Equal(_day.Date(1), Assert.Single(fk.Parties, p => p.Party == PartyCode.AF).CaseworkerReleasedOn);
    }
}
