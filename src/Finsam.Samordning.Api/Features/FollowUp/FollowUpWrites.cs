using Finsam.Samordning.Api.Features.CaseWrites;

namespace Finsam.Samordning.Api.Features.FollowUp;

/// <summary>The person's situation in a follow-up record.</summary>
/// <param name="IncomeSources">Every source of income (försörjning), at least one.</param>
/// <param name="Occupation">Main occupation (sysselsättning).</param>
/// <param name="ExtentPercent">Extent of the occupation in % of 40 hours a week, 0–100.</param>
public sealed record SituationRequest(IReadOnlyList<IncomeSource>? IncomeSources, Occupation? Occupation, int? ExtentPercent)
{
    internal ParticipantSituation ToDomain() => new(IncomeSources!, Occupation!.Value, ExtentPercent!.Value);
}

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/participant-start</c>.</summary>
/// <param name="Sex">Female or Male, as SUS counts it.</param>
/// <param name="HomeMunicipality">Folkbokföringskommun, four digits (SCB kommunkod).</param>
/// <param name="Education">Highest completed education.</param>
/// <param name="TimeOnSupport">Time on public support before the insats.</param>
/// <param name="Before">Income sources and occupation before the insats.</param>
/// <param name="RecordedOn">Business date of the record.</param>
public sealed record ParticipantStartRequest(Sex? Sex, string? HomeMunicipality, EducationLevel? Education, SupportDuration? TimeOnSupport,
    SituationRequest? Before, DateOnly? RecordedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/interventions/{interventionId}/participant-end</c>.</summary>
/// <param name="End">Completed (avslutat), Interrupted (avbrutet) or RegisteredInError (felregistrering).</param>
/// <param name="Reason">Why it was interrupted; required for Interrupted only.</param>
/// <param name="After">Income sources and occupation after the insats; required unless RegisteredInError.</param>
/// <param name="RecordedOn">Business date of the record.</param>
public sealed record ParticipantEndRequest(ParticipantEnd? End, InterruptionReason? Reason, SituationRequest? After, DateOnly? RecordedOn);

/// <summary>Body of <c>POST /api/v1/cases/{id}/progress-questionnaires</c>.</summary>
/// <param name="Respondent">Person or Caseworker.</param>
/// <param name="Scores">One score 1–5 per question of that respondent, in the questionnaire's order.</param>
/// <param name="AnsweredOn">Business date.</param>
public sealed record ProgressAnswersRequest(Respondent? Respondent, IReadOnlyList<int>? Scores, DateOnly? AnsweredOn);

/// <summary>The SUS participant data of an insats, at its start and its end, recorded by the insats' party.</summary>
internal sealed class FollowUpWrites : ICaseWrites
{
    public static void Declare(CaseWriteTable table) => table
        .FollowUpWrite<ParticipantStartRequest>("interventions/{interventionId:guid}/participant-start", "RecordParticipantStart",
            "Record participant data at the start of an insats",
            "The insats' party records what SUS registers at the start: sex, folkbokföringskommun, education, time on public support before, " +
            "and income sources and occupation (with extent in % of 40 h/week) before. Once per insats; codes only, no free text. " +
            "A person without consent or with protected identity is not recorded here: count them with POST /api/v1/follow-up/anonymous-participants.",
            (b, c) => new RecordParticipantStart(c.Id("interventionId"), b.Sex!.Value, b.HomeMunicipality!.Trim(),
                b.Education!.Value, b.TimeOnSupport!.Value, b.Before!.ToDomain(), b.RecordedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Sex).RequiredEnum();
                v.RuleFor(b => b.HomeMunicipality).MunicipalityCode();
                v.RuleFor(b => b.Education).RequiredEnum();
                v.RuleFor(b => b.TimeOnSupport).RequiredEnum();
                v.RuleFor(b => b.Before).NotNull().SetValidator(new SituationRules());
                v.RuleFor(b => b.RecordedOn).Happened(calendar);
            })
        .FollowUpWrite<ParticipantEndRequest>("interventions/{interventionId:guid}/participant-end", "RecordParticipantEnd",
            "Record participant data at the end of an insats",
            "The insats' party records how it ended, as SUS tells them apart: Completed (avslutat), Interrupted (avbrutet, with a reason such as " +
            "ConsentWithdrawn or PersonQuit) or RegisteredInError (felregistrering: not counted), and the income sources and occupation after. " +
            "Once per insats, after its start data and after the insats ended (a registration in error at any time).",
            (b, c) => new RecordParticipantEnd(c.Id("interventionId"), b.End!.Value, b.Reason, b.After?.ToDomain(), b.RecordedOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.End).RequiredEnum();
                v.RuleFor(b => b.Reason).NotNull().When(b => b.End == ParticipantEnd.Interrupted).WithMessage("reason is required when the insats was interrupted.");
                v.RuleFor(b => b.Reason).IsInEnum();
                v.RuleFor(b => b.After).NotNull().When(b => b.End is ParticipantEnd.Completed or ParticipantEnd.Interrupted)
                    .WithMessage("after is required unless the participant was registered in error.");
                v.RuleFor(b => b.After!).SetValidator(new SituationRules()).When(b => b.After is not null);
                v.RuleFor(b => b.RecordedOn).Happened(calendar);
            })
        .FollowUpWrite<ProgressAnswersRequest>("progress-questionnaires", "AnswerProgressQuestionnaire", "Record answers to the progress questionnaire",
            "Records the person's or the caseworker's answers to the current progress questionnaire (GET /api/v1/catalogue/progress-questionnaire): " +
            "one score 1–5 per question, in order. Asked at the start of the case and then every three months; the overview shows progress per indicator " +
            "and when the next is due. The answers are the recording party's entry, shown to other parties as its assessments are.",
            (b, c) => new AnswerProgressQuestionnaire(c.NewId(), b.Respondent!.Value, b.Scores!, b.AnsweredOn!.Value) { By = c.By },
            (v, calendar) =>
            {
                v.RuleFor(b => b.Respondent).RequiredEnum();
                v.RuleFor(b => b.Scores).NotNull()
                    .Must((b, scores) => scores is null || b.Respondent is not { } r || !Enum.IsDefined(r) || scores.Count == ProgressQuestionnaire.For(r).Count)
                    .WithMessage((b, _) => $"scores needs one score per question: {(b.Respondent is { } r && Enum.IsDefined(r) ? ProgressQuestionnaire.For(r).Count : 0)} for this respondent.")
                    .Must(scores => scores is null || scores.All(x => x is >= 1 and <= 5)).WithMessage("every score is 1–5.");
                v.RuleFor(b => b.AnsweredOn).Happened(calendar);
            });

    private sealed class SituationRules : AbstractValidator<SituationRequest?>
    {
        public SituationRules()
        {
            RuleFor(s => s!.IncomeSources).NotEmpty().WithMessage("incomeSources needs at least one source.")
                .Must(l => l is null || l.Count <= Enum.GetValues<IncomeSource>().Length).WithMessage("incomeSources lists each source once.");
            RuleForEach(s => s!.IncomeSources).IsInEnum();
            RuleFor(s => s!.Occupation).RequiredEnum();
            RuleFor(s => s!.ExtentPercent).NotNull().InclusiveBetween(0, 100);
        }
    }
}
