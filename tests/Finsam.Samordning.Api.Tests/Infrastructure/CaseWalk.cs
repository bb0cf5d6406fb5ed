using System.Net;
using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Tests.Infrastructure;

/// <summary>Steps a handläggare takes on a case, over HTTP, asserting each one succeeded.</summary>
public static class CaseWalk
{
    /// <summary>
    /// The body that opens a case for <paramref name="party"/>: post it yourself where the answer is what
    /// is tested (a refusal, a retry); otherwise use <see cref="OpenCase"/>. Vary a field with <c>with</c>.
    /// </summary>
    public static OpeningBody Opening(string party, string unit, string openedOn = "2026-02-02", string[]? targetGroups = null,
        Guid? individualId = null, string municipality = "1282") =>
        new(municipality, targetGroups ?? ["Uvas"], party, unit, openedOn, individualId);

    /// <summary>Opens a case for the caller's party, asserts 201 and returns the case's URL.</summary>
    public static async Task<string> OpenCase(this HttpClient caller, string party, string unit, string openedOn = "2026-02-02",
        string[]? targetGroups = null, Guid? individualId = null, string municipality = "1282")
    {
        var opened = await caller.PostJson("/api/v1/cases", Opening(party, unit, openedOn, targetGroups, individualId, municipality));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, $"open case: {(int)opened.StatusCode} {await opened.Content.ReadAsStringAsync()}");
        return opened.Headers.Location!.OriginalString;
    }

    /// <summary>An administrator runs the stall scan now (every open case with <paramref name="full"/>); asserts 200 and returns its report.</summary>
    public static async Task<Features.Stalls.StallScanReport> Scan(this HttpClient administrator, bool full = false)
    {
        var response = await administrator.PostAsync($"/api/v1/admin/stall-scan{(full ? "?full=true" : "")}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"stall scan: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Read<Features.Stalls.StallScanReport>();
    }

    /// <summary>The id of the case at <paramref name="caseUrl"/>.</summary>
    public static Guid CaseId(string caseUrl) => Guid.Parse(caseUrl[(caseUrl.LastIndexOf('/') + 1)..]);

    /// <summary>Sends a write and asserts 200; returns its result.</summary>
    public static async Task<CaseCommandResult> Ok(this HttpClient caller, string url, object body)
    {
        var response = await caller.PostJson(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Read<CaseCommandResult>();
    }

    /// <summary>The inviter invites <paramref name="party"/>, whose caseworker accepts: the way a party joins a case.</summary>
    public static async Task Invite(this HttpClient inviter, HttpClient invitee, string caseUrl, string party, string unit, string on,
        string reason = "Behövs i samordningen")
    {
        var invitation = await inviter.Ok($"{caseUrl}/invitations", new { party, reason, invitedOn = on });
        await invitee.Ok($"{caseUrl}/invitations/{invitation.Id}/accept", new { unit, answeredOn = on });
    }

    /// <summary>Records a consent naming <paramref name="parties"/> (confirmed for the recorder only) and returns its id.</summary>
    public static async Task<Guid> Consent(this HttpClient recorder, string caseUrl, string[] parties, bool coversForbund = false,
        string givenOn = "2026-02-02", string? validUntil = null, string[]? categories = null) =>
        (await recorder.Ok($"{caseUrl}/consents", new
        {
            parties, coversForbund, form = "Written", givenOn, validFrom = givenOn, validUntil, categories,
        })).Id!.Value;

    /// <summary>The caller's party confirms a consent for its own entries.</summary>
    public static Task Confirm(this HttpClient party, string caseUrl, Guid consentId) =>
        party.Ok($"{caseUrl}/consents/{consentId}/confirm", new { });

    /// <summary>Reads the joint overview (as of <paramref name="asOf"/>, yyyy-MM-dd) and asserts 200.</summary>
    public static async Task<Domain.Cases.CaseOverviewResponse> Overview(this HttpClient reader, string caseUrl, string? asOf = null)
    {
        var response = await reader.GetAsync($"{caseUrl}/overview" + (asOf is null ? "" : $"?asOf={asOf}"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{caseUrl}/overview: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Read<Domain.Cases.CaseOverviewResponse>();
    }

    /// <summary>The caller's inbox (its first 200 notices, newest first), asserting 200.</summary>
    public static async Task<List<Features.Inbox.NoticeView>> Notices(this HttpClient reader)
    {
        var response = await reader.GetAsync("/api/v1/inbox?pageSize=200");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"inbox: {(int)response.StatusCode}");
        return [.. (await response.Read<Features.Inbox.InboxPage>()).Items];
    }
}

/// <summary>
/// The body of <c>POST /api/v1/cases</c> as a client sends it (camelCase JSON). Every field is a plain
/// string so that a test can send one the API must refuse, e.g. <c>opening with { MunicipalityCode = "12A" }</c>;
/// a null field is sent as null, i.e. not given.
/// </summary>
public sealed record OpeningBody(string? MunicipalityCode, string[]? TargetGroups, string? OpeningParty, string? OpeningUnit,
    string? OpenedOn, Guid? IndividualId);
