using System.Globalization;
using Finsam.Samordning.Domain.Sip;

namespace Finsam.Samordning.Api.Features.SipDocument;

/// <summary>The Swedish words and print styles the SIP pages share.</summary>
public static class Sv
{
    /// <summary>A date as Swedish documents write it (ISO 8601).</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as the person reads it: "torsdag 26 mars 2026".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE"));

    /// <summary>How a meeting is held.</summary>
    public static string Form(MeetingForm form) => form switch
    {
        MeetingForm.Video => "videomöte",
        MeetingForm.Phone => "telefonmöte",
        _ => "möte på plats",
    };

    /// <summary>Where an insats stands.</summary>
    public static string State(InterventionState state) => state switch
    {
        InterventionState.Planned => "planerad",
        InterventionState.Ongoing => "pågår",
        InterventionState.Paused => "pausad",
        InterventionState.Completed => "avslutad",
        _ => "avbruten",
    };

    /// <summary>Where a goal stands.</summary>
    public static string State(GoalState state) => state switch
    {
        GoalState.Achieved => "uppnått",
        GoalState.Abandoned => "avslutat utan att nås",
        _ => "pågår",
    };

    /// <summary>A life area.</summary>
    public static string Area(PlanArea area) => area switch
    {
        PlanArea.Arbete => "Arbete",
        PlanArea.Studier => "Studier",
        PlanArea.Halsa => "Hälsa",
        PlanArea.Forsorjning => "Försörjning",
        PlanArea.Boende => "Boende",
        _ => "Vardag",
    };

    /// <summary>A huvudman.</summary>
    public static string Huvudman(Huvudman huvudman) => huvudman switch
    {
        Domain.Sip.Huvudman.Kommun => "kommunen",
        Domain.Sip.Huvudman.Region => "regionen",
        _ => "statlig myndighet",
    };

    /// <summary>Parties as a list of names.</summary>
    public static string Parties(IEnumerable<PartyCode> parties) => string.Join(", ", parties.Select(SipPlan.Name));

    /// <summary>A participant from outside the förbund.</summary>
    public static string Person(OutsideParticipant p) => $"{p.Name} ({p.Role})";

    /// <summary>A4 on paper, readable on screen; no external resources, so the page prints offline.</summary>
    public const string Css = """
        @page { size: A4; margin: 18mm 16mm; }
        html { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #111; }
        body { max-width: 180mm; margin: 0 auto; padding: 8mm 0; line-height: 1.4; }
        h1 { font-size: 20pt; margin: 0 0 4mm; }
        h2 { font-size: 14pt; margin: 7mm 0 2mm; border-bottom: 1px solid #999; page-break-after: avoid; break-after: avoid; }
        h3 { font-size: 12pt; margin: 4mm 0 1mm; page-break-after: avoid; break-after: avoid; }
        table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
        th, td { border: 1px solid #bbb; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
        th { background: #eee; }
        tr, li { page-break-inside: avoid; break-inside: avoid; }
        .meta, .note { color: #444; }
        .missing { border: 2px solid #b00; padding: 2mm 3mm; }
        .complete { border: 2px solid #070; padding: 2mm 3mm; }
        .overdue { font-weight: bold; }
        @media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
        """;
}
