using System.Text.Json;
using Finsam.Samordning.Domain.Individuals;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Individuals;

/// <summary>Body of <c>POST /api/v1/individuals</c>.</summary>
/// <param name="Personnummer">Personnummer or samordningsnummer, YYYYMMDD-NNNN.</param>
/// <param name="Name">Full name.</param>
/// <param name="Phone">Phone, optional.</param>
/// <param name="Email">E-mail, optional.</param>
/// <param name="Address">Postal address, optional.</param>
public sealed record RegisterIndividualRequest(string? Personnummer, string? Name, string? Phone, string? Email, string? Address);

/// <summary>The registered individual's id; no personal data is echoed.</summary>
/// <param name="Id">Individual id.</param>
public sealed record IndividualRegistered(Guid Id) : IAccessSubject
{
    Guid? IAccessSubject.SubjectIndividualId => Id;
}

/// <summary>Register an individual (personal data, encrypted).</summary>
/// <param name="Body">The request body.</param>
/// <param name="By">Who registers (their party enrols the person).</param>
/// <param name="IdempotencyKey">Idempotency-Key.</param>
public sealed record RegisterIndividual(RegisterIndividualRequest Body, Actor By, string? IdempotencyKey) : ICommand<IndividualRegistered>
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapPost("/individuals",
                async (RegisterIndividualRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                {
                    var registered = await mediator.Send(new RegisterIndividual(body, CurrentUser.Of(http).ToActor(), idempotencyKey), ct);
                    return TypedResults.Created($"/api/v1/individuals/{registered.Id}", registered);
                })
            .RequireAuthorization(Policies.CaseWriter)
            .WithName("RegisterIndividual")
            .WithTags("Individuals")
            .WithSummary("Register an individual")
            .WithDescription("Registers the person a case is about: personnummer or samordningsnummer (validated by date and check digit), name and contact details. " +
                "Stored encrypted with a key of its own; found by a keyed hash of the number in its twelve-digit form. " +
                "A number the caller's party already knows (it registered it, or is on a case about that id) answers 409 with that id. " +
                "Otherwise the answer is a first registration (201), whether or not another party knows the person: the caller gets an id of its own, " +
                "holding the data it gave, and learns nothing about who else knows the person. Cases refer to the individual by id only.")
            .Accepts<RegisterIndividualRequest>("application/json")
            .Produces<IndividualRegistered>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
    }

    /// <summary>Validator: the number's date and check digit, lengths.</summary>
    internal sealed class Validator : AbstractValidator<RegisterIndividual>
    {
        public Validator(BusinessCalendar calendar)
        {
            RuleFor(c => c.Body.Personnummer).Custom((value, context) =>
            {
                if (!Personnummer.TryParse(value, calendar.Today, out _, out var error))
                {
                    context.AddFailure("personnummer", error!);
                }
            });
            RuleFor(c => c.Body.Name).RequiredShortText();
            RuleFor(c => c.Body.Phone).MaximumLength(40);
            RuleFor(c => c.Body.Email).MaximumLength(200).EmailAddress().When(c => !string.IsNullOrEmpty(c.Body.Email));
            RuleFor(c => c.Body.Address).MaximumLength(Limits.ShortText);
        }
    }

    /// <summary>Seals the data; stores its wrapped key, hash and link in the key store, then the enrolment.</summary>
    internal sealed class Handler(IDocumentSession session, KeyStore store, PersonalDataProtector protector, BusinessCalendar calendar, AccessContext access)
        : IRequestHandler<RegisterIndividual, IndividualRegistered>
    {
        public async Task<IndividualRegistered> Handle(RegisterIndividual request, CancellationToken cancellationToken)
        {
            Personnummer.TryParse(request.Body.Personnummer, calendar.Today, out var parsed, out _);
            var pnr = parsed!; // the validator has accepted it
            var hash = protector.LookupHash(pnr);
            // The person's enrolments, earliest first; then whether the caller's party is related to
            // one. Both are asked for an unknown number too, so every answer costs the same work.
            var known = await IndividualKeys.ByLookupHashAsync(store, hash, cancellationToken);
            var related = await IndividualAccess.RelatedEnrolmentAsync(session, [.. known.Select(k => k.IndividualId)], request.By.Party, cancellationToken);
            if (related is { } existing)
            {
                // The caller learns the person is registered: the access log records whom they matched.
                access.MatchedIndividualId = existing;
                throw new AlreadyExistsException("This person is already registered; use the existing id.", existing);
            }

            // Unknown to this party: an enrolment of its own, answered exactly as a first
            // registration. If another party knows the person, the new id is linked to them in the
            // key store only (for erasure); the caller is not told.
            var id = Guid.CreateVersion7();
            var personId = known.Count > 0 ? known[0].PersonId : id;
            if (known.Count > 0)
            {
                access.MatchedIndividualId = personId;
            }

            var key = PersonalDataProtector.NewDataKey();
            var data = new PersonalData(pnr.Digits, pnr.IsSamordningsnummer, request.Body.Name!.Trim(), request.Body.Phone, request.Body.Email, request.Body.Address);
            // The key first, in the key store (see IndividualKeys.InsertAsync), then the enrolment.
            await IndividualKeys.InsertAsync(store, id, personId, hash, protector.Wrap(key, id), calendar.Now, cancellationToken);
            session.Insert(new Individual
            {
                Id = id,
                EnrolledBy = request.By.Party,
                SealedData = PersonalDataProtector.Encrypt(key, JsonSerializer.Serialize(data), id),
                CreatedAt = calendar.Now,
            });
            return new IndividualRegistered(id);
        }
    }
}
