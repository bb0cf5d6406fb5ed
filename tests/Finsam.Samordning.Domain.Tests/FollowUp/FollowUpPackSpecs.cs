using System.Buffers.Binary;
using System.Text.Json;
using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.FollowUp;

namespace Finsam.Samordning.Domain.Tests.FollowUp;

/// <summary>The packed facts the tables read, and the parallelism index's stretches, against the plain forms.</summary>
public sealed class FollowUpPackSpecs
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Everything the facts hold, in many combinations: the table specs' cases and later entries, with
    // pauses, flags cleared, meetings, answers, revoked and replaced consents and interrupted insatser.
    private static IEnumerable<FollowUpFacts> Cases()
    {
        var random = new Random(15);
        for (var n = 1; n <= 200; n++)
        {
            var events = IndicatorTableSpecs.Case(n, n % 7 == 0 ? "1261" : "1282").Concat(IndicatorTableSpecs.Later(n)).ToList();
            var id = events[0].CaseId;
            var insats = ((InterventionPlanned)events.First(e => e is InterventionPlanned)).InterventionId;
            var day = new DateOnly(2026, 2, 1).AddDays(random.Next(60));
            if (n % 2 == 0)
            {
                events.Add(new InterventionPaused(id, insats, "Sjuk", day));
                if (n % 4 == 0)
                {
                    events.Add(new InterventionResumed(id, insats, day.AddDays(random.Next(1, 30))));
                }
            }

            if (n % 3 == 1)
            {
                var other = Guid.NewGuid();
                events.Add(new InterventionPlanned(id, other, PartyCode.FK, "rehab", null, day, day));
                events.Add(new InterventionStarted(id, other, day.AddDays(2)));
                events.Add(new ParticipantStartRecorded(id, other, PartyCode.FK, Sex.Female, "1214", EducationLevel.UpperSecondary, SupportDuration.FiveYearsOrMore,
                    new ParticipantSituation([IncomeSource.SicknessBenefit, IncomeSource.Wages], Occupation.SickListed, 25), day.AddDays(2)));
                events.Add(new ParticipantEndRecorded(id, other, PartyCode.FK, ParticipantEnd.Interrupted, InterruptionReason.PersonQuit, null, day.AddDays(40)));
            }

            var flag = events.OfType<StallFlagRaised>().First();
            if (n % 5 < 3)
            {
                events.Add(new StallFlagCleared(id, flag.FlagId, "Åtgärdat", "soc", day.AddDays(30)));
            }

            if (n % 4 == 1)
            {
                events.Add(new SipMeetingHeld(id, Guid.NewGuid(), day, [PartyCode.SOC, PartyCode.AF], n % 8 == 1, "Beslut", n % 3 == 0 ? null : day.AddDays(42)));
                events.Add(new ProgressQuestionnaireAnswered(id, Guid.NewGuid(), PartyCode.SOC, Respondent.Person, ProgressQuestionnaire.Version,
                    [.. Enumerable.Range(0, 9).Select(_ => random.Next(1, 6))], day));
            }

            var consent = events.OfType<ConsentRecorded>().First();
            if (n % 6 == 0)
            {
                events.Add(new ConsentRevoked(id, consent.ConsentId, day.AddDays(60), day.AddDays(58)));
            }
            else if (n % 6 == 1)
            {
                events.Add(new ConsentRecorded(id, Guid.NewGuid(), [PartyCode.AF], false, ConsentForm.Oral, day, day.AddDays(90), PartyCode.AF, day, Replaces: consent.ConsentId));
            }

            yield return events.Aggregate((FollowUpFacts?)null, FollowUpFacts.Evolve)!;
        }
    }

    [Fact]
    public void A_pack_reads_back_exactly_the_facts_it_was_written_from()
    {
        foreach (var facts in Cases())
        {
            var read = FollowUpPack.Read(FollowUpPack.Write(facts));
            Assert.Equal(JsonSerializer.Serialize(facts, Json), JsonSerializer.Serialize(read, Json));
        }
    }

    [Fact]
    public void A_pack_of_another_format_is_not_read()
    {
        var pack = FollowUpPack.Write(Cases().First());
        BinaryPrimitives.WriteInt32LittleEndian(pack, FollowUpPack.Fingerprint + 1);
        Assert.Null(FollowUpPack.Read(pack));
        Assert.Null(FollowUpPack.Read([]));
    }

    [Fact]
    public void The_parallelism_index_judged_by_stretches_is_the_same_as_judged_day_by_day()
    {
        foreach (var facts in Cases())
        {
            foreach (var (from, to) in new[] { (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1)), (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), (new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30)) })
            {
                Assert.Equal(DayByDay(facts, from, to), IndicatorTables.ParallelShare(facts, from, to));
            }
        }
    }

    // The definition, one day at a time.
    private static double DayByDay(FollowUpFacts c, DateOnly from, DateOnly asOf)
    {
        var started = c.Insatser.Where(i => i.StartedOn <= asOf && !(i.EndedOn < from)).ToList();
        var spans = c.OpenSpans(asOf).ToList();
        int open = 0, parallel = 0;
        for (var d = from > c.OpenedOn ? from : c.OpenedOn; d <= asOf; d = d.AddDays(1))
        {
            if (spans.Any(s => s.From <= d && (s.To is not { } end || end > d)))
            {
                open++;
                parallel += started.Where(i => i.OngoingOn(d, asOf)).Select(i => i.Party).Distinct().Count() > 1 ? 1 : 0;
            }
        }

        return open == 0 ? 0 : (double)parallel / open;
    }
}
