using System.Text.Json;
using Finsam.Samordning.Api.Infrastructure.Access;
using Finsam.Samordning.Api.Infrastructure.Auth;
using Finsam.Samordning.Api.Infrastructure.Errors;
using Finsam.Samordning.Domain.Cases;
using JasperFx.Events;
using Marten;
using MediatR;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>Who recorded an event.</summary>
/// <param name="UserId">The caseworker's user id, or <c>system</c> for background jobs.</param>
/// <param name="Party">The party they acted for, if any.</param>
public sealed record RecordedBy(string? UserId, string? Party);

/// <summary>One event in a case's history.</summary>
/// <param name="Type">Event type, e.g. <c>CaseOpened</c>.</param>
/// <param name="Version">Stream version after this event.</param>
/// <param name="BusinessDate">The day the recorded fact happened.</param>
/// <param name="RecordedAt">Server time the event was stored.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="CorrelationId">The request that recorded it.</param>
public sealed record CaseHistoryEntry(
    string Type, long Version, DateOnly? BusinessDate, DateTimeOffset RecordedAt, RecordedBy RecordedBy, string? CorrelationId);

/// <summary>List a case's events in order.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Reader">Who reads.</param>
public sealed record GetCaseHistory(Guid CaseId, CurrentUser Reader) : IRequest<IReadOnlyList<CaseHistoryEntry>>
{
    /// <summary>Endpoint: <c>GET /api/v1/cases/{id}/history</c>.</summary>
    public sealed class Endpoint : Features.IEndpoint
    {
        /// <inheritdoc />
        public static void Map(RouteGroupBuilder api) => api.MapGet("/cases/{id:guid}/history",
                async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new GetCaseHistory(id, CurrentUser.From(http.User)), ct)))
            .RequireAuthorization(Policies.CaseReader)
            .WithName("GetCaseHistory")
            .WithTags("Cases")
            .WithSummary("A case's history")
            .WithDescription("Every event of the case in order: type, version, business date, when it was recorded and by whom. Events another party recorded read as 'Withheld' unless an active consent covers the reader.")
            .Produces<IReadOnlyList<CaseHistoryEntry>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Reads the stream.</summary>
    public sealed class Handler(IQuerySession session, CaseReadFilter filter) : IRequestHandler<GetCaseHistory, IReadOnlyList<CaseHistoryEntry>>
    {
        /// <inheritdoc />
        public async Task<IReadOnlyList<CaseHistoryEntry>> Handle(GetCaseHistory request, CancellationToken cancellationToken)
        {
            var events = await session.Events.FetchStreamAsync(request.CaseId, token: cancellationToken);
            if (events.Count == 0)
            {
                throw new NotFoundException($"No case with id {request.CaseId}.");
            }

            var overview = await session.LoadAsync<CaseOverview>(request.CaseId, cancellationToken);
            return filter.History([.. events.Select(ToEntry)], request.Reader, overview?.Consents ?? []);
        }

        private static CaseHistoryEntry ToEntry(IEvent e) => new(
            e.EventType.Name,
            e.Version,
            (e.Data as ICaseEvent)?.BusinessDate,
            e.Timestamp,
            new RecordedBy(e.UserName ?? Header(e, "userId"), Header(e, "party")),
            e.CorrelationId);

        private static string? Header(IEvent e, string name) =>
            e.Headers is not null && e.Headers.TryGetValue(name, out var value)
                ? value switch { JsonElement j => j.ToString(), null => null, var v => v.ToString() }
                : null;
    }
}
