namespace Finsam.Samordning.Api.Infrastructure.Mediator;

/// <summary>
/// A write's access-log row rides in the command's own transaction: logged if and only if it
/// happened. The subject (case, individual) is what the command or its response declares.
/// </summary>
public sealed class AccessLogBehavior<TRequest, TResponse>(
    IDocumentSession session,
    CommandTransaction transaction,
    IHttpContextAccessor http,
    TimeProvider time,
    AccessContext access) : IPipelineBehavior<TRequest, TResponse>
{
    /// <inheritdoc />
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>)
        {
            return await next();
        }

        transaction.BeforeCommit(response =>
        {
            var context = http.HttpContext;
            var user = context is null ? CurrentUser.System : CurrentUser.Of(context);
            var subject = request as IAccessSubject;
            var made = response as IAccessSubject;
            session.QueueSqlCommand(AccessLogWriter.InsertSql, time.GetUtcNow().ToUniversalTime(), user.UserId, (object?)user.Party?.ToString() ?? DBNull.Value,
                (object?)user.Role ?? DBNull.Value, (object?)(subject?.SubjectCaseId ?? made?.SubjectCaseId) ?? DBNull.Value,
                (object?)(subject?.SubjectIndividualId ?? made?.SubjectIndividualId) ?? DBNull.Value,
                context is null ? typeof(TRequest).Name : AccessLogMiddleware.ActionOf(context), true, 200,
                (object?)access.ShownCaseIds?.ToArray() ?? DBNull.Value, (object?)access.MatchedIndividualId ?? DBNull.Value);
            access.LoggedInTransaction = true;
        });
        try
        {
            return await next();
        }
        catch
        {
            // The transaction did not commit, and its row with it: the middleware logs the refusal.
            access.LoggedInTransaction = false;
            throw;
        }
    }
}
