using Finsam.Samordning.Domain.Cases;
using Finsam.Samordning.Domain.FollowUp;
using Finsam.Samordning.Domain.Tests.Cases;

namespace Finsam.Samordning.Domain.Tests.FollowUp;

public sealed class ProgressQuestionnaireSpecs : CaseSpec
{
    public ProgressQuestionnaireSpecs() => Given(Opened(), Joined(Soc), Joined(Af));

    private static AnswerProgressQuestionnaire Answer(Respondent respondent, int day, int score = 3, Actor? by = null) =>
        new(Guid.NewGuid(), respondent, [.. Enumerable.Repeat(score, ProgressQuestionnaire.For(respondent).Count)], Day(day)) { By = by ?? Af };

    [Fact]
    public void Nine_questions_to_the_person_and_eleven_to_the_caseworker_one_scale()
    {
        Assert.Equal(9, ProgressQuestionnaire.For(Respondent.Person).Count);
        Assert.Equal(11, ProgressQuestionnaire.For(Respondent.Caseworker).Count);
        Assert.Equal(5, ProgressQuestionnaire.Scale.Count);
        Assert.Equal(ProgressQuestionnaire.For(Respondent.Person).Select(q => q.Code), ProgressQuestionnaire.For(Respondent.Caseworker).Select(q => q.Code).Take(9));
    }

    [Fact]
    public void Answers_are_recorded_in_full_to_the_current_version()
    {
        var answered = Assert.IsType<ProgressQuestionnaireAnswered>(Assert.Single(FollowUpDecider.Decide(Answer(Respondent.Person, 3), State)));
        Assert.Equal((ProgressQuestionnaire.Version, PartyCode.AF, 9), (answered.Version, answered.Party, answered.Scores.Count));

        var incomplete = new AnswerProgressQuestionnaire(Guid.NewGuid(), Respondent.Caseworker, [3, 3, 3], Day(3)) { By = Af };
        Assert.Equal("followup.questionnaire-incomplete", Assert.Throws<CaseRuleViolation>(() => FollowUpDecider.Decide(incomplete, State)).Code);
        Assert.Equal("followup.questionnaire-incomplete", Assert.Throws<CaseRuleViolation>(() => FollowUpDecider.Decide(Answer(Respondent.Person, 3, 6), State)).Code);
        Assert.Equal("party.not-on-case", Assert.Throws<CaseRuleViolation>(() => FollowUpDecider.Decide(Answer(Respondent.Person, 3, by: Vc), State)).Code);
        Given(new CaseClosed(CaseId, CaseOutcome.Arbete, null, Day(10)));
        Assert.Equal("case.closed", Assert.Throws<CaseRuleViolation>(() => FollowUpDecider.Decide(Answer(Respondent.Person, 11), State)).Code);
    }

    [Theory]
    [InlineData(null, 0, DueState.Due, 0)]
    [InlineData(null, 14, DueState.Due, 0)]
    [InlineData(null, 15, DueState.Overdue, 0)]
    [InlineData(1, 60, DueState.NotDue, 90)]
    [InlineData(1, 90, DueState.Due, 90)]
    [InlineData(1, 105, DueState.Overdue, 90)]
    public void The_first_is_due_at_the_start_the_next_three_months_after_the_latest_and_overdue_after_the_grace_days(
        int? answeredDay, int today, DueState state, int dueDay)
    {
        var start = new DateOnly(2026, 1, 1);
        var (due, actual) = ProgressQuestionnaire.Due(answeredDay is { } d ? [start.AddDays(d - 1)] : [], start, false, start.AddDays(today), 3, 14);
        Assert.Equal(state, actual);
        Assert.Equal(start.AddDays(dueDay), due);
    }

    [Fact]
    public void Progress_shows_the_change_per_indicator_from_the_first_answers_to_the_latest()
    {
        var first = ProgressAnswers.From((ProgressQuestionnaireAnswered)FollowUpDecider.Decide(Answer(Respondent.Person, 1, 2), State)[0]);
        var latest = ProgressAnswers.From((ProgressQuestionnaireAnswered)FollowUpDecider.Decide(Answer(Respondent.Person, 92, 4), State)[0]);
        var view = ProgressView.Of([latest, first], Day0, false, Day(100), 3, 14);
        var person = view.Respondents.Single(r => r.Respondent == Respondent.Person);
        Assert.Equal(9, person.Change.Count); // one per question to the person
        Assert.All(person.Change, c => Assert.Equal(2, c.Change));
        Assert.Equal(DueState.NotDue, person.State);
        Assert.Equal(DueState.Overdue, view.Respondents.Single(r => r.Respondent == Respondent.Caseworker).State);
    }
}
