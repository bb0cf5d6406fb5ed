using System.Reflection;
using System.Runtime.CompilerServices;
using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>
/// Every event field that holds free text goes through <see cref="IHasFreeText.MapText"/>, so the
/// application seals it; a new event with a note or reason that forgets to fails here.
/// </summary>
public sealed class FreeTextSpecs
{
    private static readonly HashSet<string> FreeTextNames = ["Reason", "ReasonEn", "Note", "Description", "Text", "Decisions", "Place"];

    public static TheoryData<Type> EventTypes() =>
    [
        .. typeof(ICaseEvent).Assembly.GetTypes()
            .Where(t => typeof(ICaseEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.Name),
    ];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_free_text_field_of_an_event_is_mapped(Type type)
    {
        var texts = type.GetProperties().Where(p => p.PropertyType == typeof(string) && FreeTextNames.Contains(p.Name)).ToList();
        // People from outside the förbund at the SIP table: their names and roles are free text too.
        var people = type.GetProperties().Where(p => p.PropertyType == typeof(IReadOnlyList<OutsideParticipant>)).ToList();
        var person = type.GetProperties().Where(p => p.PropertyType == typeof(OutsideParticipant)).ToList();
        if (texts.Count == 0 && people.Count == 0 && person.Count == 0)
        {
            Assert.False(typeof(IHasFreeText).IsAssignableFrom(type), $"{type.Name} has no free text to map.");
            return;
        }

        var e = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var text in texts)
        {
            text.SetValue(e, "plain");
        }

        foreach (var list in people)
        {
            list.SetValue(e, new[] { new OutsideParticipant(OutsideParticipantKind.Narstaende, "plain", "plain") });
        }

        foreach (var one in person)
        {
            one.SetValue(e, new OutsideParticipant(OutsideParticipantKind.School, "plain", "plain"));
        }

        // A rule's reason is generated text; a concern's is the raiser's own words.
        type.GetProperty(nameof(StallFlagRaised.Rule))?.SetValue(e, OpenFlag.ManualConcern);
        var mapped = Assert.IsAssignableFrom<IHasFreeText>(e).MapText(t => t is null ? null : "sealed");
        Assert.All(texts, text => Assert.Equal("sealed", text.GetValue(mapped)));
        Assert.All(person, one => Assert.Equal(("sealed", "sealed"), (((OutsideParticipant)one.GetValue(mapped)!).Name, ((OutsideParticipant)one.GetValue(mapped)!).Role)));
        Assert.All(people, list => Assert.All((IReadOnlyList<OutsideParticipant>)list.GetValue(mapped)!, p => Assert.Equal(("sealed", "sealed"), (p.Name, p.Role))));
        Assert.All(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !texts.Contains(p) && p.PropertyType == typeof(string)),
            other => Assert.NotEqual("sealed", other.GetValue(mapped)));
    }

    [Fact]
    public void A_rules_flag_reason_is_left_as_generated()
    {
        var raised = new StallFlagRaised(Guid.NewGuid(), Guid.NewGuid(), "NoContact", "", FlagSeverity.Warning, "Ingen kontakt", "No contact",
            new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), null);
        Assert.Same(raised, raised.MapText(_ => "sealed"));
    }
}
