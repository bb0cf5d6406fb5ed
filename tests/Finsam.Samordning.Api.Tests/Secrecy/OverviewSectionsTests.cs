using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Api.Tests.Secrecy;

/// <summary>
/// The overview is filtered section by section (<c>CaseSecrecy.Overview</c>): a list added to the
/// overview is shown to every related party until the secrecy module filters it. This pins the sections
/// it knows, so a new one fails here until its secrecy is decided there and it is added below.
/// </summary>
public sealed class OverviewSectionsTests
{
    private static readonly string[] Decided =
    [
        // The case's particulars, under the opening party's consent for plan and meetings.
        "TargetGroups", "TargetGroupChanges",
        // Who is on the case (leave reasons are notes); consents to members only; reopenings name visible insatser.
        "Parties", "Consents", "Reopenings",
        // Each entry by its owning party and category.
        "Invitations", "Interventions", "Referrals", "Needs", "Goals", "Actions", "Meetings", "Contacts", "ContactTallies",
        "Assessments", "Progress", "BenefitDecisions", "ExternalActors", "ExternalReferrals", "EligibilityEnds",
        // Existence, rule and severity always; reasons only where every party they describe is open.
        "Flags",
    ];

    [Fact]
    public void Every_list_on_the_overview_has_its_secrecy_decided()
    {
        var lists = typeof(CaseOverview).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            .Select(p => p.Name);
        Assert.Equal(Decided.Order(), lists.Order());
    }
}
