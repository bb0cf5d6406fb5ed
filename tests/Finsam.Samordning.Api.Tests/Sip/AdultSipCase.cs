using Finsam.Samordning.Api.Tests.Infrastructure;

namespace Finsam.Samordning.Api.Tests.Sip;

/// <summary>
/// The adult case of issue 13 walked to a held SIP meeting, as a SOC handläggare would: a 41-year-old on
/// long sick leave; SOC, FK, VC, AF and PSY on the case; the person's consent names all but PSY. The plan
/// has needs with who answers for them, both sides' goals, insatser, actions for parties, the person and
/// the sister, a plan lead and a follow-up date.
/// </summary>
public sealed class AdultSipCase(ApiFactory api, string tag)
{
    /// <summary>SOC's caseworker: opens the case and holds the plan.</summary>
    public HttpClient Soc { get; } = api.ClientFor("handlaggare", "SOC", $"soc-{tag}", keyEveryWrite: true);

    /// <summary>FK's caseworker.</summary>
    public HttpClient Fk { get; } = api.ClientFor("handlaggare", "FK", $"fk-{tag}");

    /// <summary>The vårdcentral's caseworker.</summary>
    public HttpClient Vc { get; } = api.ClientFor("handlaggare", "VC", $"vc-{tag}");

    /// <summary>AF's caseworker.</summary>
    public HttpClient Af { get; } = api.ClientFor("handlaggare", "AF", $"af-{tag}");

    /// <summary>Psykiatrin: on the case, but no consent names it.</summary>
    public HttpClient Psy { get; } = api.ClientFor("handlaggare", "PSY", $"psy-{tag}");

    /// <summary>The days of the case.</summary>
    public CaseDays Day { get; } = new(api.Clock, new DateOnly(2026, 3, 2));

    /// <summary>The case's URL once walked.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Opens the case and walks it to day 30, the SIP meeting held and the plan set.</summary>
    public async Task<AdultSipCase> WalkAsync()
    {
        var d = Day;
        d.GoTo(0);
        var c = Url = await Soc.OpenCase("SOC", "Ekonomiskt bistånd Landskrona", d[0], ["SickListed", "LongTermIncomeSupport"]);
        await Soc.Invite(Fk, c, "FK", "FK Lokalt försäkringscenter Malmö", d[0]);
        await Soc.Invite(Vc, c, "VC", "Vårdcentralen Centrum", d[0]);
        await Soc.Invite(Af, c, "AF", "Arbetsförmedlingen Landskrona", d[0]);
        await Soc.Invite(Psy, c, "PSY", "Psykiatrimottagningen Landskrona", d[0]);
        var consent = await Soc.Consent(c, ["SOC", "FK", "VC", "AF"], givenOn: d[0], validUntil: d[365]);
        foreach (var party in new[] { Fk, Vc, Af })
        {
            await party.Confirm(c, consent);
        }

        var stod = (await Soc.Ok($"{c}/interventions", new { kind = "boendestod", plannedStart = d[2], plannedOn = d[0] })).Id;
        var talks = (await Vc.Ok($"{c}/interventions", new { kind = "halsosamtal", plannedStart = d[3], plannedOn = d[0] })).Id;
        var mapping = (await Af.Ok($"{c}/interventions", new { kind = "kartlaggning", plannedStart = d[40], plannedOn = d[0] })).Id;
        await Psy.Ok($"{c}/interventions", new { kind = "other", label = "Utredning", plannedStart = d[5], plannedOn = d[0] });
        d.GoTo(3);
        await Soc.Ok($"{c}/interventions/{stod}/start", new { startedOn = d[2] });
        await Vc.Ok($"{c}/interventions/{talks}/start", new { startedOn = d[3] });
        _ = mapping;

        d.GoTo(10);
        var meeting = (await Soc.Ok($"{c}/sip-meetings", new
        {
            meetingOn = d[24], invitedParties = new[] { "SOC", "FK", "VC", "AF" }, scheduledOn = d[10], form = "InPerson", place = "Socialkontoret Landskrona, rum 3",
            otherParticipants = new[] { new { kind = "Narstaende", name = "Lena Andersson", role = "syster" } },
        })).Id;
        await Vc.Ok($"{c}/sip-meetings/{meeting}/accept", new { answeredOn = d[10] });
        await Af.Ok($"{c}/sip-meetings/{meeting}/accept", new { answeredOn = d[10] });
        await Fk.Ok($"{c}/sip-meetings/{meeting}/decline", new { reason = "Handläggaren på utbildning", answeredOn = d[10] });
        d.GoTo(12);
        await Soc.Ok($"{c}/sip-meetings/{meeting}/reschedule", new { meetingOn = d[26], reason = "FK kan inte den dagen", rescheduledOn = d[12] });
        await Fk.Ok($"{c}/sip-meetings/{meeting}/accept", new { answeredOn = d[12] });

        d.GoTo(26);
        await Soc.Ok($"{c}/sip-meetings/{meeting}/held", new
        {
            heldOn = d[26], participants = new[] { "SOC", "FK", "VC", "AF" }, individualTookPart = true,
            decisions = "SOC håller ihop planen. Arbetsträning när hälsosamtalen gett resultat.", nextFollowUpOn = d[70],
            othersPresent = new[] { new { kind = "Narstaende", name = "Lena Andersson", role = "syster" } },
        });
        await Soc.Ok($"{c}/plan/lead", new { party = "SOC", assignedOn = d[26] });
        await Soc.Ok($"{c}/plan/needs", new { area = "Halsa", description = "Långvarig smärta och sömnbrist", identifiedOn = d[26], responsibleParty = "VC" });
        await Soc.Ok($"{c}/plan/needs", new { area = "Forsorjning", description = "Ingen inkomst sedan sjukpenningen drogs in", identifiedOn = d[26], responsibleParty = "SOC" });
        await Soc.Ok($"{c}/plan/needs", new { area = "Arbete", description = "Vägen tillbaka till arbete", identifiedOn = d[26], responsibleParty = "AF" });
        await Soc.Ok($"{c}/plan/goals", new { area = "Arbete", statedBy = "Individual", text = "Jobba på lagret igen, först halvtid", setOn = d[26], targetOn = d[180] });
        await Soc.Ok($"{c}/plan/goals", new { area = "Halsa", statedBy = "Professionals", text = "Sova hela nätter", setOn = d[26] });
        await Soc.Ok($"{c}/plan/actions", new { description = "Bedöma arbetsförmågan", responsibleParty = "VC", dueOn = d[50], plannedOn = d[26] });
        await Soc.Ok($"{c}/plan/actions", new { description = "Kartläggning inför arbetsträning", responsibleParty = "AF", dueOn = d[60], plannedOn = d[26] });
        await Soc.Ok($"{c}/plan/actions", new { description = "Gå på tre hälsosamtal", individualResponsible = true, dueOn = d[55], plannedOn = d[26] });
        await Soc.Ok($"{c}/plan/actions", new
        {
            description = "Följa med till första mötet på AF", responsibleOther = new { kind = "Narstaende", name = "Lena Andersson", role = "syster" }, dueOn = d[45], plannedOn = d[26],
        });
        d.GoTo(30);
        return this;
    }
}
