namespace Finsam.Samordning.Api.Features.FollowUp;

/// <summary>The progress questionnaire as it is asked: version, scale, questions and how often.</summary>
/// <param name="Version">Version; answers name it.</param>
/// <param name="Scale">The five steps, in Swedish.</param>
/// <param name="Questions">The person's questions, then the caseworker's, in the order scores are given.</param>
/// <param name="IntervalMonths">Months from one questionnaire to the next.</param>
/// <param name="GraceDays">Days after the due date before it counts as overdue.</param>
public sealed record ProgressQuestionnaireView(string Version, IReadOnlyList<string> Scale, IReadOnlyList<IndicatorQuestion> Questions, int IntervalMonths, int GraceDays);

/// <summary>The questionnaire's wording, from the one place it is kept.</summary>
internal sealed class GetProgressQuestionnaire : IEndpoint
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/catalogue/progress-questionnaire",
            (IOptions<FollowUpOptions> options) => TypedResults.Ok(new ProgressQuestionnaireView(ProgressQuestionnaire.Version, ProgressQuestionnaire.Scale,
                ProgressQuestionnaire.Questions, options.Value.QuestionnaireIntervalMonths, options.Value.QuestionnaireGraceDays)))
        .WithName("GetProgressQuestionnaire")
        .WithTags("Catalogue")
        .WithSummary("The progress questionnaire")
        .WithDescription("The fixed, versioned indicator questions to the person (nine) and to the caseworker (eleven), in Swedish, on one five-point scale, " +
            "answered at the start of a case and then every IntervalMonths months (Finsam:FollowUp:QuestionnaireIntervalMonths, default 3). " +
            "Record answers with POST /api/v1/cases/{id}/progress-questionnaires; progress shows in the overview.")
        .Produces<ProgressQuestionnaireView>()
        .ProducesProblem(StatusCodes.Status401Unauthorized);
}
