using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Http;
using Finsam.Samordning.Domain.Cases;
using FluentValidation;
using Marten;
using MediatR;
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
    string? IdempotencyKey) : ICommand<CaseDetails>
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
    internal sealed class Validator : AbstractValidator<OpenCase>
    {
        /// <summary>Rules: municipality code, target groups, party, unit, date.</summary>
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.MunicipalityCode).NotEmpty().Matches("^[0-9]{4}$")
                .WithMessage("municipalityCode must be a four-digit kommunkod, e.g. 1282.");
            RuleFor(c => c.TargetGroups).NotEmpty().WithMessage("Give at least one target group.");
            RuleForEach(c => c.TargetGroups).IsInEnum();
            RuleFor(c => c.OpeningParty).NotNull().IsInEnum();
            RuleFor(c => c.OpeningUnit).NotEmpty().MaximumLength(Limits.Unit);
            RuleFor(c => c.OpenedOn).NotNull()
                .Must(d => d <= calendar.Today).WithMessage("openedOn cannot be in the future.")
                .Must(d => d >= Limits.EarliestDate).WithMessage($"openedOn cannot be before {Limits.EarliestDate:yyyy-MM-dd}.");
        }
    }

    /// <summary>Decides, seals and appends the opening events; a case with no registered person gets a key of its own.</summary>
    internal sealed class Handler(IDocumentSession session, Infrastructure.Access.FreeTextSealer sealer, Infrastructure.Access.TextKeys keys)
        : IRequestHandler<OpenCase, CaseDetails>
    {
        public async Task<CaseDetails> Handle(OpenCase request, CancellationToken cancellationToken)
        {
            // Only a party related to the individual id may open a case about it; to any other the
            // id does not exist, so the answer is the same as for an unknown id.
            DateOnly? birthDate = null;
            if (request.IndividualId is { } individualId)
            {
                var individual = await Individuals.IndividualAccess.FindRelatedAsync(session, individualId, request.By.Party, cancellationToken)
                    ?? throw new Infrastructure.Errors.NotFoundException(Individuals.IndividualAccess.NotFound(individualId));
                birthDate = await BirthDate(keys, individual, cancellationToken);
            }

            // Version 7 ids sort by creation time, which keeps the events table's index compact.
            var id = Guid.CreateVersion7();
            var command = new OpenCaseCommand(id, request.IndividualId, request.MunicipalityCode!, request.TargetGroups!,
                request.OpeningParty!.Value, request.OpeningUnit!.Trim(), request.OpenedOn!.Value) { By = request.By, BirthDate = birthDate };
            if (request.IndividualId is null)
            {
                // Its free text is sealed under this key, stored before the opening commits.
                await sealer.CreateCaseKeyAsync(id, cancellationToken);
            }

            var events = await sealer.SealAsync(id, request.IndividualId, CaseDecider.Decide(command, state: null), cancellationToken);
            session.Events.StartStream<CaseFile>(id, events.Cast<object>().ToArray());
            return CaseDetails.From(CaseFile.Fold(events, events.Count)!);
        }

        // Issue 14: the birth date is read from the person's sealed data only to derive the ends of
        // age-bound labels ("KAA ends on"); it never leaves this method. An erased person has none.
        internal static async Task<DateOnly?> BirthDate(Infrastructure.Access.TextKeys keys, Individuals.Individual individual, CancellationToken ct)
        {
            if (individual.ErasedAt is not null || await keys.GetAsync(individual.Id, ct) is not { } key)
            {
                return null;
            }

            var data = System.Text.Json.JsonSerializer.Deserialize<Individuals.PersonalData>(
                Infrastructure.Access.PersonalDataProtector.Decrypt(key, individual.SealedData, individual.Id))!;
            return Domain.Individuals.Personnummer.TryParse(data.Personnummer, DateOnly.MaxValue, out var number, out _) ? number!.BirthDate : null;
        }
    }
}
