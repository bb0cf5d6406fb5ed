namespace Finsam.Samordning.Api.Features.Audit;

/// <summary>A page of the access log.</summary>
/// <param name="Items">Entries, newest first.</param>
/// <param name="Page">Page number.</param>
/// <param name="PageSize">Page size.</param>
public sealed record AccessLogPage(IReadOnlyList<AccessLogEntry> Items, int Page, int PageSize);

/// <summary>Who read or wrote a case or an individual's data, and when: for granskare.</summary>
/// <param name="CaseId">Only this case: requests about it and lists that showed it.</param>
/// <param name="IndividualId">Only this individual: requests about them and registrations that matched them.</param>
/// <param name="User">Only this user.</param>
/// <param name="From">From this instant.</param>
/// <param name="To">Up to this instant.</param>
/// <param name="Page">Page from 1.</param>
/// <param name="PageSize">1–500.</param>
public sealed record ListAccessLog(Guid? CaseId, Guid? IndividualId, string? User, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
    : IRequest<AccessLogPage>
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapGet("/audit/access-log",
                async (Guid? caseId, Guid? individualId, string? user, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
                        IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ListAccessLog(caseId, individualId, user, from, to, page ?? 1, pageSize ?? 100), ct)))
            .RequireAuthorization(Policies.Auditor)
            .WithName("ListAccessLog")
            .WithTags("Audit")
            .WithSummary("The access log")
            .WithDescription("Every request under /api/v1 but the catalogue, allowed or refused: who, party, role, case, individual, action, status and when; " +
                "for lists the cases shown, for a registration of a known personnummer the individual it matched. caseId also finds the lists that showed the case, " +
                "individualId the registrations that matched the person. Answers \"who looked at my case\". For granskare only; the log is append-only, " +
                "and a request is answered only once its row is stored.")
            .Produces<AccessLogPage>()
            .ProducesProblems(StatusCodes.Status403Forbidden);
    }
    internal sealed class Validator : AbstractValidator<ListAccessLog>
    {
        public Validator()
        {
            RuleFor(q => q.User).MaximumLength(Limits.ShortText);
            RuleFor(q => q.Page).PageNumber();
            RuleFor(q => q.PageSize).PageSize(max: 500);
            RuleFor(q => q.To).Must((q, to) => to is null || q.From is null || to >= q.From).WithMessage("to cannot be before from.");
        }
    }

    /// <summary>Reads the log (every answered request's row is already stored).</summary>
    internal sealed class Handler(IDocumentStore store) : IRequestHandler<ListAccessLog, AccessLogPage>
    {
        public async Task<AccessLogPage> Handle(ListAccessLog request, CancellationToken cancellationToken)
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText =
                "select at, user_id, party, role, case_id, individual_id, action, allowed, status, shown_case_ids, matched_individual_id " +
                $"from {AccessLogWriter.Schema}.access_log " +
                "where (@case::uuid is null or case_id = @case or shown_case_ids @> array[@case::uuid]) " +
                "and (@individual::uuid is null or individual_id = @individual or matched_individual_id = @individual) " +
                "and (@user::text is null or user_id = @user) and (@from::timestamptz is null or at >= @from) and (@to::timestamptz is null or at <= @to) " +
                "order by at desc, id desc limit @limit offset @offset";
            command.Parameters.Add(new NpgsqlParameter<Guid?>("case", request.CaseId));
            command.Parameters.Add(new NpgsqlParameter<Guid?>("individual", request.IndividualId));
            command.Parameters.Add(new NpgsqlParameter("user", (object?)request.User ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("from", request.From?.ToUniversalTime()));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("to", request.To?.ToUniversalTime()));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", request.PageSize));
            command.Parameters.Add(new NpgsqlParameter<int>("offset", (request.Page - 1) * request.PageSize));
            var items = new List<AccessLogEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new AccessLogEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetGuid(5),
                    reader.GetString(6), reader.GetBoolean(7), reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<Guid[]>(9),
                    reader.IsDBNull(10) ? null : reader.GetGuid(10)));
            }

            return new AccessLogPage(items, request.Page, request.PageSize);
        }
    }
}
