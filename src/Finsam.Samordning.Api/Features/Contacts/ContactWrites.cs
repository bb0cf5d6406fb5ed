using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.Contacts;

/// <summary>Body of <c>POST /api/v1/cases/{id}/contacts</c>.</summary>
/// <param name="Kind">Kind of contact.</param>
/// <param name="NoShow">The person did not come or answer.</param>
/// <param name="Note">Optional note.</param>
/// <param name="OccurredOn">Business date.</param>
/// <param name="InterventionId">The caller's party's own insats the contact was part of, if any.</param>
/// <param name="MeetingId">The SIP meeting the contact was about, if any.</param>
public sealed record LogContactRequest(ContactKind? Kind, bool? NoShow, string? Note, DateOnly? OccurredOn, Guid? InterventionId = null, Guid? MeetingId = null);

/// <summary>Contacts of a party with the person, no-shows included.</summary>
internal sealed class ContactWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .Write<LogContactRequest>("contacts", "LogContact", "Contacts", "Log a contact",
            "The caller's party logs a contact with the person: meeting, phone, home visit, letter or digital, and whether the person did not show; " +
            "linked to one of the party's own insatser (interventionId) or to a SIP meeting (meetingId) when it was part of one.",
            (b, c) => new LogContact(c.NewId(), b.Kind!.Value, b.NoShow ?? false, Input.Optional(b.Note), b.OccurredOn!.Value, b.InterventionId, b.MeetingId) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Kind).RequiredEnum();
                v.RuleFor(b => b.Note).OptionalLongText();
                v.RuleFor(b => b.OccurredOn).Happened(calendar);
            });
}
