namespace Finsam.Samordning.Api.Features.CaseWrites;

/// <summary>An area's case writes, declared together: one line per command.</summary>
public interface ICaseWrites
{
    /// <summary>Declares the area's writes on <paramref name="table"/>.</summary>
    static abstract void Declare(CaseWriteTable table);
}

/// <summary>What a table line's mapping has besides the body: the case, route ids, the caller, today.</summary>
/// <param name="command">The write being decided.</param>
/// <param name="today">Today in the förbund's time zone.</param>
public sealed class CaseWriteArgs(CaseWrite command, DateOnly today)
{
    /// <summary>The case.</summary>
    public Guid CaseId => command.CaseId;

    /// <summary>Today, for dates the caller may leave out.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>The caller as a party's caseworker (403 for a caller without a party).</summary>
    public Actor By => command.Write.By;

    /// <summary>The caller acting on flags: a party's caseworker or the förbund.</summary>
    public FlagActor FlagActor => command.Write.FlagActor;

    /// <summary>The id of the entry the write created or changed, for the answer.</summary>
    public Guid? EntryId { get; private set; }

    /// <summary>A route id (e.g. <c>interventionId</c>): the entry the write changes.</summary>
    public Guid Id(string name) => (EntryId = Guid.Parse(command.Route[name])).Value;

    /// <summary>A new entry's id.</summary>
    public Guid NewId() => (EntryId = Guid.CreateVersion7()).Value;

    /// <summary>A party named in the route (e.g. <c>/parties/AF/leave</c>).</summary>
    public PartyCode Party(string name) => Enum.Parse<PartyCode>(command.Route[name]);
}

/// <summary>
/// One write on an existing case, whatever its area: the table line it came through
/// (<see cref="Operation"/>), its body and route values. One handler decides them all.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Operation">The table line (the endpoint's name).</param>
/// <param name="Body">The request body.</param>
/// <param name="Route">Route values besides the case id.</param>
/// <param name="Write">If-Match, caller and Idempotency-Key.</param>
public sealed record CaseWrite(Guid CaseId, string Operation, object Body, IReadOnlyDictionary<string, string> Route, WriteContext Write) : ICaseCommand;

/// <summary>A table line: how a body becomes a decision, and how it is validated.</summary>
/// <param name="BodyType">The request body's type.</param>
/// <param name="Decide">The decision the line maps to.</param>
/// <param name="Validator">The body's rules, if any.</param>
/// <param name="ReadsFlags">Whether the decision needs the case's open flags (kept beside the case file, not in it).</param>
public sealed record CaseWriteLine(Type BodyType, Func<object, CaseWriteArgs, Func<CaseState, IReadOnlyList<ICaseEvent>>> Decide, IValidator? Validator,
    bool ReadsFlags = false);

/// <summary>
/// The case writes of every area: each line maps a route and a request body to a domain command.
/// Loading, the If-Match check, idempotency, the access log and the commit live once, in
/// <see cref="CaseWriteHandler"/> and the pipeline.
/// </summary>
/// <param name="api">The <c>/api/v1</c> group the routes go on.</param>
/// <param name="lines">Where the lines are kept for the handler.</param>
/// <param name="calendar">Today, for the validation rules.</param>
public sealed class CaseWriteTable(RouteGroupBuilder api, CaseWriteLines lines, BusinessCalendar calendar)
{
    /// <summary>Declares a <c>POST /cases/{id}/…</c> write decided by <see cref="CaseDecider"/>.</summary>
    /// <param name="route">The route under the case, e.g. <c>interventions/{interventionId:guid}/start</c>.</param>
    /// <param name="name">Operation name (OpenAPI operation id, access-log action).</param>
    /// <param name="tag">OpenAPI tag: the area.</param>
    /// <param name="summary">One line for the OpenAPI document.</param>
    /// <param name="description">What it does, for the OpenAPI document.</param>
    /// <param name="command">The domain command the body maps to.</param>
    /// <param name="rules">The body's validation rules.</param>
    /// <param name="method">POST, or PUT for an idempotent replacement.</param>
    public CaseWriteTable Write<TBody>(string route, string name, string tag, string summary, string description,
        Func<TBody, CaseWriteArgs, CaseCommand> command, Action<InlineValidator<TBody>, BusinessCalendar>? rules = null, string method = "POST")
        where TBody : class =>
        Line(route, name, tag, summary, description, Policies.CaseWriter, method, rules,
            (body, args) =>
            {
                // Mapped now, not inside the decision, so the entry id is known for the answer.
                var mapped = command(body, args);
                return state => CaseDecider.Decide(mapped, state);
            });

    /// <summary>Declares a write on a case's flags, decided by <see cref="FlagDecider"/> (open to the review roles).</summary>
    public CaseWriteTable FlagWrite<TBody>(string route, string name, string summary, string description,
        Func<TBody, CaseWriteArgs, FlagCommand> command, Action<InlineValidator<TBody>, BusinessCalendar>? rules = null)
        where TBody : class =>
        Line(route, name, "Flags", summary, description, Policies.Review, "POST", rules,
            (body, args) =>
            {
                var mapped = command(body, args);
                return state => FlagDecider.Decide(mapped, state);
            }, readsFlags: true);

    /// <summary>
    /// Declares a follow-up write (SUS participant data) decided by <see cref="Domain.FollowUp.FollowUpDecider"/>:
    /// like a case write, for the insats' own party, but also on a closed case.
    /// </summary>
    public CaseWriteTable FollowUpWrite<TBody>(string route, string name, string summary, string description,
        Func<TBody, CaseWriteArgs, Domain.FollowUp.FollowUpCommand> command, Action<InlineValidator<TBody>, BusinessCalendar>? rules = null)
        where TBody : class =>
        Line(route, name, "FollowUp", summary, description, Policies.CaseWriter, "POST", rules,
            (body, args) =>
            {
                var mapped = command(body, args);
                return state => Domain.FollowUp.FollowUpDecider.Decide(mapped, state);
            });

    private CaseWriteTable Line<TBody>(string route, string name, string tag, string summary, string description, string policy, string method,
        Action<InlineValidator<TBody>, BusinessCalendar>? rules, Func<TBody, CaseWriteArgs, Func<CaseState, IReadOnlyList<ICaseEvent>>> decide,
        bool readsFlags = false)
        where TBody : class
    {
        InlineValidator<TBody>? validator = null;
        if (rules is not null)
        {
            validator = new InlineValidator<TBody>();
            rules(validator, calendar);
        }

        lines.Add(name, new CaseWriteLine(typeof(TBody), (body, args) => decide((TBody)body, args), validator, readsFlags));
        api.MapMethods($"/cases/{{id:guid}}/{route}", [method], (Guid id, TBody body, HttpContext http, IMediator mediator, CancellationToken ct) =>
                Send(http, mediator, new CaseWrite(id, name, body, RouteValues(http), Context(http)), ct))
            .RequireAuthorization(policy)
            .WithName(name)
            .WithTags(tag)
            .WithSummary(summary)
            .WithDescription(description + " Send If-Match with the case's ETag to write only against that version (412 otherwise), " +
                "and Idempotency-Key to make a retry safe. Answers 200 with the new version and the ETag.")
            .WithMetadata(new Infrastructure.OpenApi.HeadersReadByPipeline())
            .Produces<CaseCommandResult>()
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        return this;
    }

    /// <summary>Where a case write's headers are read, once: If-Match, the caller and Idempotency-Key.</summary>
    private static WriteContext Context(HttpContext http) => new(
        http.Request.ExpectedVersion(),
        CurrentUser.Of(http),
        http.Request.Headers["Idempotency-Key"].FirstOrDefault());

    private static Dictionary<string, string> RouteValues(HttpContext http) =>
        http.Request.RouteValues.Where(v => v.Key != "id" && v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.ToString()!);

    private static async Task<IResult> Send(HttpContext http, IMediator mediator, CaseWrite write, CancellationToken ct)
    {
        var result = await mediator.Send(write, ct);
        http.Response.SetETag(result.Version);
        return TypedResults.Ok(result);
    }
}

/// <summary>The table's lines, for the handler and the validation behaviour.</summary>
public sealed class CaseWriteLines : Dictionary<string, CaseWriteLine>;

/// <summary>Validates a case write's body with its table line's rules.</summary>
public sealed class CaseWriteValidator : AbstractValidator<CaseWrite>
{
    /// <summary>Runs the line's rules, with the caller in the context for rules that depend on the caller's party.</summary>
    public CaseWriteValidator(CaseWriteLines lines) =>
        RuleFor(c => c).Custom((write, context) =>
        {
            // Route values parse numbers into enums too ("/parties/3/..."): only named parties count.
            if (write.Route.TryGetValue("party", out var party) && !Enum.GetNames<PartyCode>().Contains(party))
            {
                context.AddFailure("party", $"'{party}' is not a party code.");
            }

            if (lines[write.Operation].Validator is { } validator)
            {
                var body = new ValidationContext<object>(write.Body);
                body.RootContextData[CaseWriteValidation.CallerKey] = write.Write.Caller;
                validator.Validate(body).Errors.ForEach(context.AddFailure);
            }
        });
}

/// <summary>What a table line's rules may ask of the validation context.</summary>
public static class CaseWriteValidation
{
    internal const string CallerKey = "caller";

    /// <summary>The caller of the write being validated (rules that depend on the caller's party).</summary>
    public static CurrentUser Caller(this IValidationContext context) => (CurrentUser)context.RootContextData[CallerKey];
}
