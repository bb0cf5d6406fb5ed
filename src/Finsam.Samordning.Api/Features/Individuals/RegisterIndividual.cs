using System.Text.Json;
using Finsam.Samordning.Api.Infrastructure;
using Finsam.Samordning.Api.Infrastructure.Access;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Domain.Individuals;
using FluentValidation;
using Marten;
using MediatR;
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
public sealed record IndividualRegistered(Guid Id);

/// <summary>A personnummer already registered (409): the existing id.</summary>
public sealed class IndividualExistsException(Guid existingId)
    : Exception("This person is already registered; use the existing id.")
{
    /// <summary>The id to use.</summary>
    public Guid ExistingId { get; } = existingId;
}

/// <summary>Register an individual (personal data, encrypted).</summary>
/// <param name="Body">The request body.</param>
/// <param name="IdempotencyKey">Idempotency-Key.</param>
public sealed record RegisterIndividual(RegisterIndividualRequest Body, string? IdempotencyKey) : ICommand<IndividualRegistered>
{
    /// <summary>Endpoint.</summary>
    public sealed class Endpoint : IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapPost("/individuals",
                async (RegisterIndividualRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct) =>
                {
                    var registered = await mediator.Send(new RegisterIndividual(body, idempotencyKey), ct);
                    return TypedResults.Created($"/api/v1/individuals/{registered.Id}", registered);
                })
            .RequireAuthorization(Policies.CaseWriter)
            .WithName("RegisterIndividual")
            .WithTags("Individuals")
            .WithSummary("Register an individual")
            .WithDescription("Registers the person a case is about: personnummer or samordningsnummer (validated by date and check digit), name and contact details. " +
                "Stored encrypted with a key of the person's own; found by a keyed hash, so the same person is not registered twice (409 with the existing id). " +
                "Cases refer to the individual by id only.")
            .Accepts<RegisterIndividualRequest>("application/json")
            .Produces<IndividualRegistered>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Validator: the number's date and check digit, lengths.</summary>
    public sealed class Validator : AbstractValidator<RegisterIndividual>
    {
        /// <summary>Rules.</summary>
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
            RuleFor(c => c.IdempotencyKey).MaximumLength(Limits.IdempotencyKey);
        }
    }

    /// <summary>Seals the data, stores it with its wrapped key in one transaction.</summary>
    public sealed class Handler(IDocumentSession session, PersonalDataProtector protector, BusinessCalendar calendar, AccessContext access)
        : IRequestHandler<RegisterIndividual, IndividualRegistered>
    {
        /// <inheritdoc />
        public async Task<IndividualRegistered> Handle(RegisterIndividual request, CancellationToken cancellationToken)
        {
            Personnummer.TryParse(request.Body.Personnummer, calendar.Today, out var pnr, out _);
            var hash = protector.LookupHash(pnr!.Digits);
            var existing = await session.Query<Individual>().Where(i => i.LookupHash == hash).Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing != Guid.Empty)
            {
                // The caller learns the person is registered: the access log records whom they matched.
                access.MatchedIndividualId = existing;
                throw new IndividualExistsException(existing);
            }

            var id = Guid.CreateVersion7();
            var key = PersonalDataProtector.NewDataKey();
            var data = new PersonalData(pnr.Digits, pnr.IsSamordningsnummer, request.Body.Name!.Trim(), request.Body.Phone, request.Body.Email, request.Body.Address);
            session.Insert(new Individual
            {
                Id = id,
                LookupHash = hash,
                SealedData = PersonalDataProtector.Encrypt(key, JsonSerializer.Serialize(data), id),
                CreatedAt = calendar.Now,
            });
            session.QueueSqlCommand($"insert into {AuditSchema.KeySchema}.individual_keys (individual_id, wrapped_key, created_at) values (?, ?, ?)",
                id, protector.Wrap(key, id), calendar.Now);
            return new IndividualRegistered(id);
        }
    }
}
