using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.FollowUp;

/// <summary>A set of answers as the overview keeps it.</summary>
/// <param name="Id">Answers id.</param>
/// <param name="Party">Recording party (whose entry it is).</param>
/// <param name="Respondent">Who answered.</param>
/// <param name="Version">Questionnaire version.</param>
/// <param name="Scores">Scores by question, in the version's order.</param>
/// <param name="AnsweredOn">Business date.</param>
public sealed record ProgressAnswers(Guid Id, PartyCode Party, Respondent Respondent, string Version, IReadOnlyList<int> Scores, DateOnly AnsweredOn)
{
    /// <summary>The answers an event records.</summary>
    public static ProgressAnswers From(ProgressQuestionnaireAnswered e) => new(e.AnswersId, e.Party, e.Respondent, e.Version, e.Scores, e.AnsweredOn);
}

/// <summary>One indicator's change from the first to the latest answers of the current version.</summary>
/// <param name="Code">Indicator code.</param>
/// <param name="First">First score.</param>
/// <param name="Latest">Latest score.</param>
/// <param name="Change">Latest minus first (positive: better).</param>
public sealed record IndicatorChange(string Code, int First, int Latest, int Change);

/// <summary>One respondent's progress: when the next questionnaire is due, every answer, and the change per indicator.</summary>
/// <param name="Respondent">Person or caseworker.</param>
/// <param name="NextDueOn">When the next questionnaire is due; null on a closed case.</param>
/// <param name="State">Not due, due, overdue or closed.</param>
/// <param name="Answers">Every set of answers, oldest first.</param>
/// <param name="Change">Per indicator, first against latest (current version only).</param>
public sealed record RespondentProgress(Respondent Respondent, DateOnly? NextDueOn, DueState State, IReadOnlyList<ProgressAnswers> Answers,
    IReadOnlyList<IndicatorChange> Change);

/// <summary>The person's progress over time in the overview.</summary>
/// <param name="Version">The current questionnaire version (GET /api/v1/catalogue/progress-questionnaire has its wording).</param>
/// <param name="Respondents">The person's and the caseworkers' answers.</param>
public sealed record ProgressView(string Version, IReadOnlyList<RespondentProgress> Respondents)
{
    /// <summary>Progress as of <paramref name="asOf"/> from the answers the reader may see.</summary>
    public static ProgressView Of(IReadOnlyList<ProgressAnswers> answers, DateOnly openedOn, bool closed, DateOnly asOf, int intervalMonths, int graceDays) =>
        new(ProgressQuestionnaire.Version,
        [
            .. Enum.GetValues<Respondent>().Select(r =>
            {
                var mine = answers.Where(a => a.Respondent == r && a.AnsweredOn <= asOf).OrderBy(a => a.AnsweredOn).ToList();
                var (due, state) = ProgressQuestionnaire.Due(mine.Select(a => a.AnsweredOn), openedOn, closed, asOf, intervalMonths, graceDays);
                var current = mine.Where(a => a.Version == ProgressQuestionnaire.Version).ToList();
                var questions = ProgressQuestionnaire.For(r);
                IReadOnlyList<IndicatorChange> change = current.Count == 0
                    ? []
                    : [.. questions.Select((q, i) => new IndicatorChange(q.Code, current[0].Scores[i], current[^1].Scores[i], current[^1].Scores[i] - current[0].Scores[i]))];
                return new RespondentProgress(r, due, state, mine, change);
            }),
        ]);
}
