using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.Tests.Cases;

public sealed class InterventionSpecs : CaseSpec
{
    private static readonly Guid Insats = Guid.Parse("0195a1b2-0000-7000-8000-0000000000a1");

    public InterventionSpecs() => Given(Opened(), Joined(Soc), Joined(Af));

    [Fact]
    public void A_planned_insats_goes_through_start_pause_resume_complete()
    {
        Assert.IsType<InterventionPlanned>(Assert.Single(When(new PlanIntervention(Insats, "arbetstraning", null, Day(10), Day(4)) { By = Af })));
        Assert.Equal(InterventionState.Planned, State!.Interventions[Insats].State);

        When(new StartIntervention(Insats, Day(10)) { By = Af });
        When(new PauseIntervention(Insats, "Sommaruppehåll", Day(40)) { By = Af });
        Assert.Equal(InterventionState.Paused, State!.Interventions[Insats].State);
        When(new ResumeIntervention(Insats, Day(60)) { By = Af });
        var done = When(new CompleteIntervention(Insats, InterventionEndReason.MovedToAnotherIntervention, null, Day(90)) { By = Af });

        Assert.Equal(new InterventionCompleted(CaseId, Insats, InterventionEndReason.MovedToAnotherIntervention, null, Day(90)), Assert.Single(done));
        Assert.Equal(InterventionState.Completed, State!.Interventions[Insats].State);
    }

    [Fact]
    public void Insatser_of_several_parties_run_at_the_same_time()
    {
        var vc = Guid.NewGuid();
        Given(Joined(Vc, 1));
        When(new PlanIntervention(Insats, "kartlaggning", null, Day(5), Day(4)) { By = Af });
        When(new PlanIntervention(vc, "halsosamtal", null, Day(5), Day(4)) { By = Vc });
        When(new StartIntervention(Insats, Day(5)) { By = Af });
        When(new StartIntervention(vc, Day(5)) { By = Vc });

        Assert.Equal(new[] { Insats, vc }.Order(), State!.Interventions.Keys.Order());
        Assert.All(State.Interventions.Values, i => Assert.Equal(InterventionState.Ongoing, i.State));
    }

    [Theory]
    [InlineData("kartlaggning", PartyCode.AF)]
    [InlineData("other", PartyCode.AF)]
    [InlineData("samtalsstod", PartyCode.VC)]
    [InlineData("ekonomiskt-bistand-plan", PartyCode.SOC)]
    public void The_catalogue_knows_each_partys_kinds(string kind, PartyCode party) =>
        Assert.True(InterventionCatalogue.IsKnown(party, kind));

    [Fact]
    public void A_kind_another_party_offers_is_refused_with_the_list_of_valid_kinds()
    {
        var refusal = Refused(new PlanIntervention(Insats, "halsosamtal", null, Day(5), Day(4)) { By = Af }, "intervention.unknown-kind");

        Assert.Contains("kartlaggning", refusal.Message);
    }

    [Fact]
    public void Starting_a_completed_insats_is_refused_naming_its_state()
    {
        Given(Planned(Insats, Af, "arbetstraning", 4), Started(Insats, 5),
            new InterventionCompleted(CaseId, Insats, InterventionEndReason.GoalReached, null, Day(30)));

        var refusal = Refused(new StartIntervention(Insats, Day(31)) { By = Af }, "intervention.illegal-transition");

        Assert.Contains("completed", refusal.Message);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("complete")]
    public void A_planned_insats_can_only_start_or_be_cancelled(string verb)
    {
        Given(Planned(Insats, Af, "arbetstraning", 4));
        CaseCommand command = verb switch
        {
            "pause" => new PauseIntervention(Insats, "x", Day(5)) { By = Af },
            "resume" => new ResumeIntervention(Insats, Day(5)) { By = Af },
            _ => new CompleteIntervention(Insats, InterventionEndReason.GoalReached, null, Day(5)) { By = Af },
        };

        var refusal = Refused(command, "intervention.illegal-transition");

        Assert.Contains("is planned", refusal.Message);
        Assert.Single(When(new CancelIntervention(Insats, InterventionCancelReason.RegisteredByMistake, null, Day(5)) { By = Af }));
    }

    [Fact]
    public void Only_the_owning_party_changes_an_insats()
    {
        Given(Joined(Vc), Planned(Insats, Af, "arbetstraning", 4));

        // Answered as if it did not exist: VC may not even be allowed to see AF's insats.
        Assert.Throws<CaseEntryNotFound>(() => CaseDecider.Decide(new StartIntervention(Insats, Day(5)) { By = Vc }, State));
    }

    [Fact]
    public void A_transition_cannot_be_dated_before_the_previous_one()
    {
        Given(Planned(Insats, Af, "arbetstraning", 4), Started(Insats, 10));

        var refusal = Refused(new CompleteIntervention(Insats, InterventionEndReason.GoalReached, null, Day(9)) { By = Af }, "date.before-previous");

        Assert.Contains("2026-02-12", refusal.Message);
    }
}
