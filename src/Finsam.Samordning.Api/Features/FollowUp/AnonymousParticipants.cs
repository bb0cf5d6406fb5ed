using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.FollowUp;

/// <summary>
/// A participant counted anonymously, as SUS does for a person without consent or with protected
/// identity: the insats' party and kind, the start year and sex, and nothing else. It names no case,
/// no individual and no caseworker, and its id is random (not time-ordered), so nothing in it leads
/// back to a person or links it to a case.
/// </summary>
public sealed record AnonymousParticipant
{
    /// <summary>Random id.</summary>
    public Guid Id { get; init; }

    /// <summary>The party whose insats it is.</summary>
    public PartyCode Party { get; init; }

    /// <summary>The insats kind (catalogue code).</summary>
    public string InterventionKind { get; init; } = "";

    /// <summary>The year the insats started.</summary>
    public int StartYear { get; init; }

    /// <summary>Sex, as SUS counts it.</summary>
    public Sex Sex { get; init; }
}

/// <summary>Body of <c>POST /api/v1/follow-up/anonymous-participants</c>.</summary>
/// <param name="InterventionKind">The insats kind from the caller's party's catalogue.</param>
/// <param name="StartYear">The year the insats started.</param>
/// <param name="Sex">Female or Male.</param>
public sealed record AnonymousParticipantRequest(string? InterventionKind, int? StartYear, Sex? Sex);

/// <summary>Count a participant anonymously (start year and sex only).</summary>
/// <param name="Body">The request body.</param>
/// <param name="By">The recording caseworker (their party owns the insats).</param>
/// <param name="IdempotencyKey">Idempotency-Key.</param>
public sealed record CountAnonymousParticipant(AnonymousParticipantRequest Body, Actor By, string? IdempotencyKey) : ICommand<AnonymousParticipant>
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapPost("/follow-up/anonymous-participants",
                async (AnonymousParticipantRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator,
                    CancellationToken ct) => TypedResults.Created((string?)null,
                    await mediator.Send(new CountAnonymousParticipant(body, CurrentUser.Of(http).ToActor(), idempotencyKey), ct)))
            .RequireAuthorization(Policies.CaseWriter)
            .WithName("CountAnonymousParticipant")
            .WithTags("FollowUp")
            .WithSummary("Count a participant anonymously")
            .WithDescription("For a person who has not consented to follow-up, or has protected identity (skyddade personuppgifter): the caller's party " +
                "counts its insats with the start year and sex only, as SUS does. The record names no case, person or caseworker and is never linked to one; " +
                "it is counted in the indicator tables' anonymous table. Do not also record participant data on a case for the same insats.")
            .Accepts<AnonymousParticipantRequest>("application/json")
            .Produces<AnonymousParticipant>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status403Forbidden);
    }

    /// <summary>Validator: a kind of the caller's party, a plausible year, a sex.</summary>
    internal sealed class Validator : AbstractValidator<CountAnonymousParticipant>
    {
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.InterventionKind).RequiredShortText()
                .Must((c, kind) => kind is null || InterventionCatalogue.IsKnown(c.By.Party, kind.Trim()))
                .WithMessage(c => $"interventionKind must be an insats {c.By.Party} offers (GET /api/v1/catalogue/interventions).");
            RuleFor(c => c.Body.StartYear).NotNull()
                .InclusiveBetween(Limits.EarliestDate.Year, calendar.Today.Year);
            RuleFor(c => c.Body.Sex).NotNull().IsInEnum();
        }
    }

    /// <summary>Stores the record; nothing else.</summary>
    internal sealed class Handler(IDocumentSession session) : IRequestHandler<CountAnonymousParticipant, AnonymousParticipant>
    {
        public Task<AnonymousParticipant> Handle(CountAnonymousParticipant request, CancellationToken cancellationToken)
        {
            var record = new AnonymousParticipant
            {
                Id = Guid.NewGuid(),
                Party = request.By.Party,
                InterventionKind = request.Body.InterventionKind!.Trim(),
                StartYear = request.Body.StartYear!.Value,
                Sex = request.Body.Sex!.Value,
            };
            session.Insert(record);
            return Task.FromResult(record);
        }
    }
}
