using System.Text.Json;
using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

/// <summary>
/// Contacts on a long case: the case file keeps each party's latest contacts and every party's
/// figures, and the overview reads exactly as if it had kept every contact.
/// </summary>
public sealed class ContactSpecs : CaseSpec
{
    public ContactSpecs() => Given(Opened(), Joined(Soc), Joined(Af, 1), Joined(Vc, 2));

    private CaseOverview File => Events.Aggregate((CaseOverview?)null, CaseOverview.Project)!;

    [Fact]
    public void A_case_with_years_of_contacts_keeps_ten_per_party_and_counts_them_all()
    {
        // Weekly contacts for two years by SOC, every fourth a no-show, and a few by AF.
        for (var week = 0; week < 104; week++)
        {
            When(new LogContact(Guid.NewGuid(), ContactKind.Meeting, week % 4 == 3, null, Day(3 + (7 * week))) { By = Soc });
        }

        When(new LogContact(Guid.NewGuid(), ContactKind.Phone, false, null, Day(400)) { By = Af });
        When(new LogContact(Guid.NewGuid(), ContactKind.Phone, true, null, Day(720)) { By = Af });

        var file = File;
        Assert.Equal(10, file.Contacts.Count(c => c.Party == PartyCode.SOC));
        Assert.Equal(2, file.Contacts.Count(c => c.Party == PartyCode.AF));
        var view = CaseOverviewResponse.From(file, Day(724)).Contacts;
        Assert.Equal(106, view.Total);
        Assert.Equal(Day(724), view.LastContactOn);
        // In the 30 days up to day 724: SOC's no-shows of weeks 99 and 103 (days 696 and 724) and AF's on day 720.
        Assert.Equal(3, view.NoShowsLast30Days);
        // The file keeps only the no-shows a view of today could count: SOC's within 30 days of its latest contact.
        Assert.Equal([Day(696), Day(724)], file.ContactTallies.Single(t => t.Party == PartyCode.SOC).NoShows);
        // A view of an earlier date is folded from the events up to it (as GetCaseOverview's asOf):
        // the no-show of week 11 (day 80) counts there.
        var day100 = Events.Where(e => e.BusinessDate <= Day(100)).Aggregate((CaseOverview?)null, CaseOverview.Project)!;
        Assert.Equal(1, CaseOverviewResponse.From(day100, Day(100)).Contacts.NoShowsLast30Days);
        Assert.Equal(Day(724), view.Recent[0].OccurredOn);
        Assert.Equal(10, view.Recent.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_overview_of_bounded_contacts_is_the_overview_of_all_contacts(int seed)
    {
        // Contacts logged out of date order, several on one day, by three parties.
        var random = new Random(seed);
        var logged = new List<OverviewContact>();
        var parties = new[] { Soc, Af, Vc };
        for (var i = 0; i < 80; i++)
        {
            var by = parties[random.Next(parties.Length)];
            var on = Day(3 + random.Next(60));
            var id = Guid.NewGuid();
            var noShow = random.Next(3) == 0;
            var note = random.Next(4) == 0 ? "Ringde" : null;
            When(new LogContact(id, ContactKind.Phone, noShow, note, on) { By = by });
            logged.Add(new OverviewContact(id, by.Party, ContactKind.Phone, noShow, note, on));
        }

        // Views of today: every contact is dated on or before it (a contact cannot be logged ahead).
        foreach (var asOf in new[] { Day(62), Day(75), Day(90) })
        {
            var view = CaseOverviewResponse.From(File, asOf).Contacts;
            Assert.Equal(logged.OrderByDescending(c => c.OccurredOn).Take(10).Select(c => c.Id), view.Recent.Select(c => c.Id));
            Assert.Equal(logged.Count, view.Total);
            Assert.Equal(logged.Count(c => c.NoShow && c.OccurredOn > asOf.AddDays(-30) && c.OccurredOn <= asOf), view.NoShowsLast30Days);
            Assert.Equal(logged.Max(c => c.OccurredOn), view.LastContactOn);
        }

        // What a reader who sees only some parties' contacts gets (the secrecy filter keeps those
        // parties' contacts and tallies) is also what all of theirs would give.
        foreach (var seen in new[] { new[] { PartyCode.SOC, PartyCode.VC }, [PartyCode.SOC], [PartyCode.AF] })
        {
            var some = File with
            {
                Contacts = [.. File.Contacts.Where(c => seen.Contains(c.Party))],
                ContactTallies = [.. File.ContactTallies.Where(t => seen.Contains(t.Party))],
            };
            var theirs = logged.Where(c => seen.Contains(c.Party)).ToList();
            var filtered = CaseOverviewResponse.From(some, Day(62)).Contacts;
            Assert.Equal(theirs.OrderByDescending(c => c.OccurredOn).Take(10).Select(c => c.Id), filtered.Recent.Select(c => c.Id));
            Assert.Equal(theirs.Count, filtered.Total);
            Assert.Equal(theirs.Count(c => c.Note is not null), some.ContactTallies.Sum(t => t.WithNotes));
        }
    }

    [Fact]
    public void Each_partys_ten_kept_are_its_latest_by_date_and_of_one_day_the_first_logged()
    {
        // Twelve contacts on one day and one a day earlier: the earlier day's goes first, then the
        // last logged of the day (the overview lists a day's contacts in the order logged).
        var ids = Enumerable.Range(0, 13).Select(_ => Guid.NewGuid()).ToList();
        When(new LogContact(ids[0], ContactKind.Phone, false, null, Day(9)) { By = Soc });
        foreach (var id in ids.Skip(1))
        {
            When(new LogContact(id, ContactKind.Phone, false, null, Day(10)) { By = Soc });
        }

        Assert.Equal(ids.Skip(1).Take(10), File.Contacts.Select(c => c.Id));
        Assert.Equal(13, Assert.Single(File.ContactTallies).Count);
    }

    [Fact]
    public void A_case_file_stored_with_every_contact_and_no_tallies_counts_from_its_list_and_bounds_at_its_next_contact()
    {
        for (var day = 3; day < 18; day++)
        {
            When(new LogContact(Guid.NewGuid(), ContactKind.Phone, day == 16, null, Day(day)) { By = Soc });
        }

        // As a case file was stored before the tallies: the full list, no "contactTallies".
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var stored = JsonSerializer.SerializeToNode(File, options)!.AsObject();
        stored.Remove("contactTallies");
        stored["contacts"] = JsonSerializer.SerializeToNode(Enumerable.Range(3, 15).Select(day =>
            new OverviewContact(Guid.NewGuid(), PartyCode.SOC, ContactKind.Phone, day == 16, null, Day(day))), options);
        var legacy = stored.Deserialize<CaseOverview>(options)!;

        Assert.Equal(15, CaseOverviewResponse.From(legacy, Day(20)).Contacts.Total);
        Assert.Equal(1, CaseOverviewResponse.From(legacy, Day(20)).Contacts.NoShowsLast30Days);

        var next = CaseOverview.Project(legacy, new ContactLogged(CaseId, Guid.NewGuid(), PartyCode.SOC, ContactKind.Phone, false, null, Day(18)))!;
        Assert.Equal(10, next.Contacts.Count);
        Assert.Equal(16, Assert.Single(next.ContactTallies).Count);
        Assert.Equal(16, CaseOverviewResponse.From(next, Day(20)).Contacts.Total);
    }
}
