using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>Body of <c>POST /api/v1/cases</c>.</summary>
/// <param name="MunicipalityCode">Four-digit municipality code (kommunkod), e.g. <c>1282</c> for Landskrona.</param>
/// <param name="TargetGroups">One or more target groups.</param>
/// <param name="OpeningParty">The party opening the case; must be the caller's own party.</param>
/// <param name="OpeningUnit">The opening party's unit, e.g. "Ekonomiskt bistånd Landskrona".</param>
/// <param name="OpenedOn">Business date the case was opened (not in the future).</param>
/// <param name="IndividualId">The individual, if already registered.</param>
public sealed record OpenCaseRequest(
    string? MunicipalityCode,
    IReadOnlyList<TargetGroup>? TargetGroups,
    PartyCode? OpeningParty,
    string? OpeningUnit,
    DateOnly? OpenedOn,
    Guid? IndividualId);

/// <summary>Open a case for an individual who needs support from several parties.</summary>
public sealed record OpenCase(
    string? MunicipalityCode,
    IReadOnlyList<TargetGroup>? TargetGroups,
    PartyCode? OpeningParty,
    string? OpeningUnit,
    DateOnly? OpenedOn,
    Guid? IndividualId,
    Actor By,
    string? IdempotencyKey) : ICommand<CaseDetails>, ICaseOpeningRequest
{
    internal sealed class Endpoint : Features.IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapPost("/cases", Handle)
            .RequireAuthorization(Infrastructure.Auth.Policies.CaseWriter)
            .WithName("OpenCase")
            .WithTags("Cases")
            .WithSummary("Open a case")
            .WithDescription(
                "Opens a samordningsärende. The opening party joins the case at once with the calling caseworker. " +
                "An individualId must be one the caller's party registered or is on a case about now; any other answers 404, as an unknown id does. " +
                "Answers 201 with Location, ETag (the stream version) and the case. Send Idempotency-Key to make retries safe: " +
                "a retry with the same key returns the first response and appends nothing; the same key with a different body is 422.")
            .Accepts<OpenCaseRequest>("application/json")
            .Produces<CaseDetails>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        private static async Task<IResult> Handle(
            OpenCaseRequest body,
            [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
            HttpContext http,
            IMediator mediator,
            CancellationToken ct)
        {
            var actor = CurrentUser.Of(http).ToActor();
            var details = await mediator.Send(new OpenCase(body.MunicipalityCode, body.TargetGroups, body.OpeningParty,
                body.OpeningUnit, body.OpenedOn, body.IndividualId, actor, idempotencyKey), ct);
            http.Response.SetETag(details.Version);
            return TypedResults.Created($"/api/v1/cases/{details.Id}", details);
        }
    }

    /// <summary>The opening fields' rules, shared with the conversion of a kännedom record; here the opening party and day are required.</summary>
    internal sealed class Validator : AbstractValidator<OpenCase>
    {
        public Validator(BusinessCalendar calendar)
        {
            Include(new CaseOpening.Rules(calendar));
            RuleFor(c => c.OpeningParty).NotNull().IsInEnum();
            RuleFor(c => c.OpenedOn).NotNull();
        }
    }

    /// <summary>Opens the case: the stream starts with its opening events; a case with no registered person gets a key of its own.</summary>
    internal sealed class Handler(IDocumentSession session, Infrastructure.Access.FreeTextSealer sealer, Infrastructure.Access.TextKeys keys)
        : IRequestHandler<OpenCase, CaseDetails>
    {
        public async Task<CaseDetails> Handle(OpenCase request, CancellationToken cancellationToken)
        {
            // Only a party related to the individual id may open a case about it; to any other the
            // id does not exist, so the answer is the same as for an unknown id.
            Individuals.Individual? individual = null;
            if (request.IndividualId is { } individualId)
            {
                individual = await Individuals.IndividualAccess.FindRelatedAsync(session, individualId, request.By.Party, cancellationToken)
                    ?? throw new Infrastructure.Errors.NotFoundException(Individuals.IndividualAccess.NotFound(individualId));
            }

            // Version 7 ids sort by creation time, which keeps the events table's index compact.
            var command = new OpenCaseCommand(Guid.CreateVersion7(), request.IndividualId, request.MunicipalityCode!, request.TargetGroups!,
                request.OpeningParty!.Value, request.OpeningUnit!.Trim(), request.OpenedOn!.Value) { By = request.By };
            var events = await CaseOpening.StartAsync(session, sealer, keys, command, individual, carried: [], cancellationToken);
            return CaseDetails.From(CaseFile.Fold(events, events.Count)!);
        }
    }
}
