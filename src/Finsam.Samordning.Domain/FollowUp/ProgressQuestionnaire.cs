using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.FollowUp;

/// <summary>Who answers a progress questionnaire.</summary>
public enum Respondent
{
    /// <summary>The person themselves (their answers are recorded by a caseworker).</summary>
    Person,
    /// <summary>The caseworker, about the person.</summary>
    Caseworker,
}

/// <summary>One indicator question.</summary>
/// <param name="Code">Stable code of the indicator; the same code in both forms measures the same thing.</param>
/// <param name="Respondent">Who answers it.</param>
/// <param name="Text">The question, in Swedish, exactly as asked.</param>
public sealed record IndicatorQuestion(string Code, Respondent Respondent, string Text);

/// <summary>Whether a questionnaire is due.</summary>
public enum DueState
{
    /// <summary>Not yet due.</summary>
    NotDue,
    /// <summary>Due now (from the due date, within the grace days).</summary>
    Due,
    /// <summary>Past the due date and the grace days.</summary>
    Overdue,
    /// <summary>The case is closed: nothing is due.</summary>
    Closed,
}

/// <summary>
/// The progress questionnaire: fixed indicator questions to the person and to the caseworker, after
/// the Danish BIP study's indicators of distance to work (nine to the person, eleven to the caseworker),
/// answered on one five-point scale at the start and then every three months. The wording lives here
/// and nowhere else; a change of wording or scale is a new <see cref="Version"/>, never an edit, so
/// answers stay comparable within a version.
/// </summary>
public static class ProgressQuestionnaire
{
    /// <summary>The current version; answers name the version they were given to.</summary>
    public const string Version = "finsam-progress-1";

    /// <summary>The scale, 1 to 5, in Swedish.</summary>
    public static readonly IReadOnlyList<string> Scale =
        ["1 – Stämmer inte alls", "2 – Stämmer ganska dåligt", "3 – Stämmer delvis", "4 – Stämmer ganska bra", "5 – Stämmer helt"];

    /// <summary>Every question of the current version, the person's first.</summary>
    public static readonly IReadOnlyList<IndicatorQuestion> Questions =
    [
        new("halsa", Respondent.Person, "Jag klarar av min vardag trots eventuella besvär med min hälsa."),
        new("vardag", Respondent.Person, "Jag klarar av vardagens sysslor och att hålla tider."),
        new("tro-pa-jobb", Respondent.Person, "Jag tror att jag kommer att få ett arbete eller börja studera."),
        new("jobbsokning", Respondent.Person, "Jag söker aktivt arbete eller utbildning."),
        new("arbetsmarknad", Respondent.Person, "Jag vet vilka arbeten eller utbildningar som passar mig och hur jag når dem."),
        new("samarbete", Respondent.Person, "Jag kan samarbeta med andra, till exempel på en arbetsplats."),
        new("kvalifikationer", Respondent.Person, "Jag har kunskaper och erfarenheter som en arbetsgivare efterfrågar."),
        new("natverk", Respondent.Person, "Jag har människor omkring mig som stöttar mig."),
        new("livssituation", Respondent.Person, "Min livssituation (boende, ekonomi) är stabil nog för att jag ska kunna arbeta eller studera."),
        new("halsa", Respondent.Caseworker, "Personen hanterar sin hälsa så att den inte hindrar arbete eller studier."),
        new("vardag", Respondent.Caseworker, "Personen klarar vardagens sysslor och att hålla tider."),
        new("tro-pa-jobb", Respondent.Caseworker, "Personen tror själv att hen kommer att få ett arbete eller börja studera."),
        new("jobbsokning", Respondent.Caseworker, "Personen söker aktivt arbete eller utbildning."),
        new("arbetsmarknad", Respondent.Caseworker, "Personen känner till arbetsmarknaden och vilka vägar som finns."),
        new("samarbete", Respondent.Caseworker, "Personen kan samarbeta med andra, till exempel på en arbetsplats."),
        new("kvalifikationer", Respondent.Caseworker, "Personen har kunskaper och erfarenheter som en arbetsgivare efterfrågar."),
        new("natverk", Respondent.Caseworker, "Personen har ett nätverk som stöttar hen."),
        new("livssituation", Respondent.Caseworker, "Personens livssituation är stabil nog för arbete eller studier."),
        new("motivation", Respondent.Caseworker, "Personen deltar aktivt i de insatser vi planerat tillsammans."),
        new("handlaggarens-tro", Respondent.Caseworker, "Jag tror att personen kommer att få ett arbete eller börja studera inom ett år."),
    ];

    /// <summary>The questions one respondent answers, in the order their scores are given.</summary>
    public static IReadOnlyList<IndicatorQuestion> For(Respondent respondent) => [.. Questions.Where(q => q.Respondent == respondent)];

    /// <summary>
    /// When a respondent's next questionnaire is due (given when they answered) and whether it is due now:
    /// the first at the case's start, then <paramref name="intervalMonths"/> after the latest; due from
    /// that day, overdue after <paramref name="graceDays"/> more. A closed case has nothing due.
    /// </summary>
    public static (DateOnly? DueOn, DueState State) Due(IEnumerable<DateOnly> answeredOn, DateOnly openedOn, bool closed, DateOnly today,
        int intervalMonths, int graceDays)
    {
        if (closed)
        {
            return (null, DueState.Closed);
        }

        var latest = answeredOn.Where(d => d <= today).DefaultIfEmpty().Max();
        var due = latest == default ? openedOn : latest.AddMonths(intervalMonths);
        return (due, today < due ? DueState.NotDue : today <= due.AddDays(graceDays) ? DueState.Due : DueState.Overdue);
    }
}

/// <summary>A questionnaire was answered (the person's answers are recorded by the caseworker who asked).</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="AnswersId">Id of this set of answers.</param>
/// <param name="Party">The recording party.</param>
/// <param name="Respondent">Who answered.</param>
/// <param name="Version">Questionnaire version.</param>
/// <param name="Scores">One score 1–5 per question of the respondent, in the version's order.</param>
/// <param name="AnsweredOn">Business date.</param>
// Progress answers describe the person as an assessment does.
[SecretAs(InformationCategory.Assessments)]
public sealed record ProgressQuestionnaireAnswered(
    Guid CaseId, Guid AnswersId, PartyCode Party, Respondent Respondent, string Version, IReadOnlyList<int> Scores, DateOnly AnsweredOn) : ICaseEvent
{
    /// <inheritdoc />
    public DateOnly BusinessDate => AnsweredOn;
}

/// <summary>Record a set of answers to the current progress questionnaire.</summary>
/// <param name="AnswersId">Id of the answers.</param>
/// <param name="Respondent">Who answered.</param>
/// <param name="Scores">One score 1–5 per question, in order.</param>
/// <param name="AnsweredOn">Business date.</param>
public sealed record AnswerProgressQuestionnaire(Guid AnswersId, Respondent Respondent, IReadOnlyList<int> Scores, DateOnly AnsweredOn) : FollowUpCommand;
