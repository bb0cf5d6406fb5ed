using System.Text.Json;
using Finsam.Samordning.Api.Features.Secrecy;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>Who recorded an event.</summary>
/// <param name="UserId">The caseworker's user id, or <c>system</c> for background jobs.</param>
/// <param name="Party">The party they acted for, if any.</param>
public sealed record RecordedBy(string? UserId, string? Party);

/// <summary>One event in a case's history.</summary>
/// <param name="Type">Event type, e.g. <c>CaseOpened</c>.</param>
/// <param name="Version">Stream version after this event.</param>
/// <param name="BusinessDate">The day the recorded fact happened.</param>
/// <param name="RecordedAt">Server time the event was stored; null on a withheld entry.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="CorrelationId">The request that recorded it; null on a withheld entry.</param>
public sealed record CaseHistoryEntry(
    string Type, long Version, DateOnly? BusinessDate, DateTimeOffset? RecordedAt, RecordedBy RecordedBy, string? CorrelationId);

/// <summary>List a case's events in order.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Reader">Who reads.</param>
public sealed record GetCaseHistory(Guid CaseId, CurrentUser Reader) : IRequest<IReadOnlyList<CaseHistoryEntry>>
{
    internal sealed class Endpoint : Features.IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/cases/{id:guid}/history",
                async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new GetCaseHistory(id, CurrentUser.Of(http)), ct)))
            .RequireAuthorization(Policies.CaseReader)
            .WithName("GetCaseHistory")
            .WithTags("Cases")
            .WithSummary("A case's history")
            .WithDescription("Every event of the case in order: type, version, business date, when it was recorded and by whom. Events another party recorded read as 'Withheld' unless a consent that party confirmed opens them to the reader. 404 to a party with no relation to the case.")
            .Produces<IReadOnlyList<CaseHistoryEntry>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Reads the stream.</summary>
    internal sealed class Handler(IQuerySession session, CaseSecrecy secrecy) : IRequestHandler<GetCaseHistory, IReadOnlyList<CaseHistoryEntry>>
    {
        public async Task<IReadOnlyList<CaseHistoryEntry>> Handle(GetCaseHistory request, CancellationToken cancellationToken)
        {
            // Relation first: a caller with none learns nothing, not even how many events there are.
            var overview = await session.Query<CaseFile>().Where(f => f.Id == request.CaseId).Select(f => f.Overview).FirstOrDefaultAsync(cancellationToken)
                ?? throw NotFoundException.Case(request.CaseId);
            var viewer = CaseSecrecy.Resolve(request.Reader, request.CaseId, overview.RelationOf);
            var events = await session.Events.FetchStreamAsync(request.CaseId, token: cancellationToken);
            return secrecy.History([.. events.Select(e => (ToEntry(e), e.EventType))], viewer, overview.Consents);
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
