using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.FollowUp;
using Finsam.Samordning.Domain.Tests.Cases;

namespace Finsam.Samordning.Domain.Tests.FollowUp;

public sealed class ParticipantDataSpecs : CaseSpec
{
    private static readonly Guid Insats = Guid.Parse("0195a1b2-0000-7000-8000-0000000000f1");
    private static readonly ParticipantSituation OnBenefit = new([IncomeSource.IncomeSupport, IncomeSource.IncomeSupport], Occupation.None, 0);
    private static readonly ParticipantSituation Working = new([IncomeSource.Wages], Occupation.Work, 50);

    public ParticipantDataSpecs() => Given(Opened(), Joined(Soc), Joined(Af), Planned(Insats, Af, "kartlaggning", 4), Started(Insats, 10));

    private static RecordParticipantStart Start(Actor by, int day = 10) =>
        new(Insats, Sex.Female, "1282", EducationLevel.Primary, SupportDuration.OneToTwoYears, OnBenefit, Day(day)) { By = by };

    private static RecordParticipantEnd End(ParticipantEnd end, int day, InterruptionReason? reason = null) =>
        new(Insats, end, reason, end == ParticipantEnd.RegisteredInError ? null : Working, Day(day)) { By = Af };

    [Fact]
    public void The_insats_party_records_start_and_end_data_once_each()
    {
        var started = Assert.IsType<ParticipantStartRecorded>(Assert.Single(FollowUpDecider.Decide(Start(Af), State)));
        Assert.Equal([IncomeSource.IncomeSupport], started.Before.IncomeSources);
        Given(started);
        Refused(Start(Af, 11), "followup.start-already-recorded");

        Given(new InterventionCompleted(CaseId, Insats, InterventionEndReason.MovedOnToWorkOrStudies, null, Day(90)));
        var ended = Assert.IsType<ParticipantEndRecorded>(Assert.Single(FollowUpDecider.Decide(End(ParticipantEnd.Completed, 90), State)));
        Assert.Equal((Occupation.Work, 50), (ended.After!.Occupation, ended.After.ExtentPercent));
        Assert.Equal([IncomeSource.Wages], ended.After.IncomeSources);
        Assert.Null(ended.Reason);
        Given(ended);
        Refused(End(ParticipantEnd.Completed, 91), "followup.end-already-recorded");
    }

    [Fact]
    public void The_end_waits_for_the_start_data_and_for_the_insats_to_end()
    {
        Refused(End(ParticipantEnd.Completed, 20), "followup.start-not-recorded");
        Given(FollowUpDecider.Decide(Start(Af), State).ToArray());
        Refused(End(ParticipantEnd.Interrupted, 20, InterruptionReason.PersonQuit), "followup.insats-not-ended");
        Given(new InterventionCancelled(CaseId, Insats, InterventionCancelReason.PersonDeclined, null, Day(30)));
        Refused(End(ParticipantEnd.Interrupted, 29, InterruptionReason.PersonQuit), "date.before-previous");

        var ended = Assert.IsType<ParticipantEndRecorded>(Assert.Single(FollowUpDecider.Decide(End(ParticipantEnd.Interrupted, 30, InterruptionReason.ConsentWithdrawn), State)));
        Assert.Equal(InterruptionReason.ConsentWithdrawn, ended.Reason);
    }

    [Fact]
    public void A_registration_in_error_may_be_recorded_while_the_insats_runs_and_keeps_no_situation()
    {
        Given(FollowUpDecider.Decide(Start(Af), State).ToArray());
        var ended = Assert.IsType<ParticipantEndRecorded>(Assert.Single(FollowUpDecider.Decide(End(ParticipantEnd.RegisteredInError, 12), State)));
        Assert.Null(ended.After);
    }

    [Fact]
    public void Another_party_cannot_record_or_learn_of_the_insats()
    {
        Assert.Throws<CaseEntryNotFound>(() => FollowUpDecider.Decide(Start(Soc), State));
        Refused(Start(Vc), "party.not-on-case");
    }

    [Fact]
    public void A_closed_case_still_takes_its_end_data()
    {
        Given(FollowUpDecider.Decide(Start(Af), State).ToArray());
        Given(new InterventionCompleted(CaseId, Insats, InterventionEndReason.GoalReached, null, Day(90)),
            new CaseClosed(CaseId, CaseOutcome.Arbete, null, Day(90)));
        Assert.Single(FollowUpDecider.Decide(End(ParticipantEnd.Completed, 95), State));
        Assert.True(State!.Participants[Insats].StartRecordedOn is not null);
    }

    private new void Refused(CaseCommand command, string code) =>
        Assert.Equal(code, Assert.Throws<CaseRuleViolation>(() => FollowUpDecider.Decide((FollowUpCommand)command, State)).Code);
}
