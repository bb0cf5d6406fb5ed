using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Inbox;

/// <summary>The caller marks a notice read (for themselves: colleagues at the same party keep their own read state).</summary>
/// <param name="Id">Notice id.</param>
/// <param name="Caller">Who reads.</param>
/// <param name="IdempotencyKey">Idempotency-Key.</param>
public sealed record MarkNoticeRead(Guid Id, CurrentUser Caller, string? IdempotencyKey) : ICommand<NoticeView>, IAccessSubject
{
    internal sealed class Endpoint : IEndpoint
    {
        public static void Map(RouteGroupBuilder api) => api.MapPost("/inbox/{noticeId:guid}/read",
                async (Guid noticeId, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new MarkNoticeRead(noticeId, CurrentUser.Of(http), idempotencyKey), ct)))
            .RequireAuthorization(Policies.Review)
            .WithName("MarkNoticeRead")
            .WithTags("Inbox")
            .WithSummary("Mark a notice read")
            .WithDescription("Marks a notice in the caller's inbox read for the caller. A notice of another inbox, or one the caller may no longer see, answers 404 " +
                "as an unknown id does. Marking it again changes nothing.")
            .Produces<NoticeView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Adds the caller to the notice's readers, in the command's transaction.</summary>
    internal sealed class Handler(IDocumentSession session, Secrecy.CaseSecrecy secrecy) : IRequestHandler<MarkNoticeRead, NoticeView>
    {
        public async Task<NoticeView> Handle(MarkNoticeRead request, CancellationToken cancellationToken)
        {
            var notice = await session.LoadAsync<Notice>(request.Id, cancellationToken);
            if (notice is null || notice.Inbox != ReadInbox.InboxKey(request.Caller)
                || ReadInbox.NoticeKey.Of(notice) is var key && !(await ReadInbox.VisibleKeys(session, secrecy, request.Caller, [key], cancellationToken)).Contains(key))
            {
                throw new NotFoundException($"No notice {request.Id} in your inbox.");
            }

            if (!notice.ReadBy.Contains(request.Caller.UserId))
            {
                notice.ReadBy.Add(request.Caller.UserId);
                session.Store(notice);
            }

            return new NoticeView(notice.Id, notice.CaseId, notice.Kind, notice.EntryId, notice.Owner, notice.Rule, notice.On, notice.CreatedAt,
                notice.CaseworkerId == request.Caller.UserId, true);
        }
    }
}
