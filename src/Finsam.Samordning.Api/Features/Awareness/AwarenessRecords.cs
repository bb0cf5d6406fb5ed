using Finsam.Samordning.Api.Features.Cases;
using Finsam.Samordning.Domain.Awareness;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;

namespace Finsam.Samordning.Api.Features.Awareness;

/// <summary>A kännedom record's document, projected inline from its stream.</summary>
public sealed record AwarenessFile
{
    /// <summary>Record id.</summary>
    public Guid Id { get; init; }

    /// <summary>Stream version.</summary>
    [Marten.Schema.Version]
    public long Version { get; set; }

    /// <summary>The record.</summary>
    public AwarenessState State { get; init; } = new();

    /// <summary>The recording party (indexed: only it lists or reads the record).</summary>
    public PartyCode RecordedBy { get; init; }

    /// <summary>The person (indexed: who is related to a person is also asked here).</summary>
    public Guid IndividualId { get; init; }

    /// <summary>Inline projection.</summary>
    public sealed class Projection : SingleStreamProjection<AwarenessFile, Guid>
    {
        /// <summary>Only a kännedom record's own events: without the list, every case write looked for an awareness file too (one more read per command).</summary>
        public Projection()
        {
            IncludeType<AwarenessRecorded>();
            IncludeType<ContactAttempted>();
            IncludeType<AwarenessConverted>();
        }

        /// <inheritdoc />
        public override AwarenessFile? Evolve(AwarenessFile? snapshot, Guid id, IEvent e)
        {
            if (e.Data is not IAwarenessEvent data || AwarenessState.Evolve(snapshot?.State, data) is not { } state)
            {
                return snapshot;
            }

            return new AwarenessFile { Id = state.Id, Version = e.Version, State = state, RecordedBy = state.RecordedBy, IndividualId = state.IndividualId };
        }
    }
}

/// <summary>A kännedom record as KAA reads it, with the no-answer finding if it holds today.</summary>
/// <param name="Id">Record id.</param>
/// <param name="IndividualId">The person.</param>
/// <param name="Source">How KAA came to know.</param>
/// <param name="KnownOn">When.</param>
/// <param name="Attempts">Contact attempts.</param>
/// <param name="CaseId">The case it became, if any.</param>
/// <param name="Finding">NoAnswerBeforeCase, when it holds today.</param>
public sealed record AwarenessView(Guid Id, Guid IndividualId, AwarenessSource Source, DateOnly KnownOn, IReadOnlyList<AttemptRecord> Attempts, Guid? CaseId,
    StallFinding? Finding);

/// <summary>Body of <c>POST /api/v1/awareness</c>.</summary>
/// <param name="IndividualId">The young person, registered by KAA.</param>
/// <param name="Source">SchoolDropOut, KaaRegister, Municipality or Other.</param>
/// <param name="KnownOn">The day KAA came to know; today when left out.</param>
public sealed record RecordAwarenessRequest(Guid? IndividualId, AwarenessSource? Source, DateOnly? KnownOn);

/// <summary>Body of <c>POST /api/v1/awareness/{id}/attempts</c>.</summary>
/// <param name="Kind">Letter, Phone, HomeVisit, Digital or Meeting.</param>
/// <param name="Outcome">Answered, NoAnswer or Declined.</param>
/// <param name="AttemptedOn">Business date; today when left out.</param>
public sealed record ContactAttemptRequest(ContactKind? Kind, AttemptOutcome? Outcome, DateOnly? AttemptedOn);

/// <summary>Body of <c>POST /api/v1/awareness/{id}/convert</c>.</summary>
/// <param name="MunicipalityCode">Four-digit kommunkod.</param>
/// <param name="TargetGroups">Target groups.</param>
/// <param name="OpeningUnit">KAA's unit.</param>
/// <param name="OpenedOn">Business date; today when left out.</param>
public sealed record ConvertAwarenessRequest(string? MunicipalityCode, IReadOnlyList<TargetGroup>? TargetGroups, string? OpeningUnit, DateOnly? OpenedOn)
    : ICaseOpeningRequest;

/// <summary>A write on kännedom records: record, attempt or convert.</summary>
/// <param name="Id">The record (a new id when recording).</param>
/// <param name="Body">The request body.</param>
/// <param name="By">The acting caseworker.</param>
/// <param name="IdempotencyKey">Idempotency-Key.</param>
public sealed record AwarenessWrite(Guid Id, object Body, Actor By, string? IdempotencyKey) : ICommand<AwarenessWritten>, IAccessSubject
{
    Guid? IAccessSubject.SubjectIndividualId => Body is RecordAwarenessRequest r ? r.IndividualId : null;
}

/// <summary>The answer to a kännedom write.</summary>
/// <param name="Id">The record.</param>
/// <param name="CaseId">The case opened by a conversion.</param>
public sealed record AwarenessWritten(Guid Id, Guid? CaseId) : IAccessSubject
{
    Guid? IAccessSubject.SubjectCaseId => CaseId;
}

/// <summary>Kännedom before a case (mechanism 15): KAA records a young person it knows of, its contact attempts, and converts the record into a case.</summary>
internal sealed class AwarenessEndpoints : IEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        Write<RecordAwarenessRequest>(api, "/awareness", "RecordAwareness", "Record kännedom before a case",
            "KAA records that it knows of a young person before any case exists (the person registered first, by id only), with the source and the day. " +
            "Only KAA records kännedom; only the recording party learns the record exists (to others it answers 404 as an unknown id).", created: true);
        Write<ContactAttemptRequest>(api, "/awareness/{id:guid}/attempts", "LogContactAttempt", "Log a contact attempt",
            "A letter, call, visit or message to the young person, and whether they answered. The NoAnswerBeforeCase rule holds after 3 unanswered " +
            "attempts or 30 days without an answer (stall settings).");
        Write<ConvertAwarenessRequest>(api, "/awareness/{id:guid}/convert", "ConvertAwareness", "Open a case from kännedom",
            "Opens a case for the person with KAA as the opening party, in one transaction with the record's conversion; the case keeps the attempts " +
            "(they count as its contacts and no-shows from the days they happened).", created: true);
        api.MapGet("/awareness", async (bool? flagged, int? page, int? pageSize, HttpContext http, IQuerySession session, Stalls.StallSettingsStore settings,
                BusinessCalendar calendar, Infrastructure.Access.AccessContext access, CancellationToken ct) =>
            {
                var paging = Paging.Of(page, pageSize);
                var party = CurrentUser.Of(http).ToActor().Party;
                var rule = (await settings.GetAsync(ct)).For(StallRuleCodes.NoAnswerBeforeCase);
                var records = session.Query<AwarenessFile>().Where(a => a.RecordedBy == party).OrderByDescending(a => a.Id);
                // The finding is judged on today's date, not stored: only flagged=true needs every record read.
                var items = flagged == true
                    ? (await records.ToListAsync(ct)).Select(f => View(f.State, calendar.Today, rule)).Where(v => v.Finding is not null)
                        .Skip(paging.Skip).Take(paging.Size).ToList()
                    : (await records.Skip(paging.Skip).Take(paging.Size).ToListAsync(ct)).Select(f => View(f.State, calendar.Today, rule)).ToList();
                access.ShownCaseIds = [.. items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value)];
                return TypedResults.Ok(items);
            })
            .RequireAuthorization(Policies.CaseWriter)
            .WithName("ListAwareness")
            .WithTags("Awareness")
            .WithSummary("The caller's party's kännedom records")
            .WithDescription("Kännedom records of the caller's party, newest first, each with the NoAnswerBeforeCase finding when it holds today; flagged=true for those only.")
            .Produces<List<AwarenessView>>()
            .ProducesProblems(StatusCodes.Status403Forbidden);
        api.MapGet("/awareness/{id:guid}", async (Guid id, HttpContext http, IQuerySession session, Stalls.StallSettingsStore settings, BusinessCalendar calendar,
                CancellationToken ct) =>
            {
                var file = await Own(session, id, CurrentUser.Of(http).ToActor(), ct);
                return TypedResults.Ok(View(file.State, calendar.Today, (await settings.GetAsync(ct)).For(StallRuleCodes.NoAnswerBeforeCase)));
            })
            .RequireAuthorization(Policies.CaseWriter)
            .WithName("GetAwareness")
            .WithTags("Awareness")
            .WithSummary("A kännedom record")
            .WithDescription("One kännedom record of the caller's party, with its attempts and the NoAnswerBeforeCase finding; another party's answers 404.")
            .Produces<AwarenessView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void Write<TBody>(RouteGroupBuilder api, string route, string name, string summary, string description, bool created = false)
        where TBody : class =>
        api.MapPost(route, async (HttpRequest request, TBody body, [FromHeader(Name = "Idempotency-Key")] string? key, HttpContext http, IMediator mediator,
                CancellationToken ct) =>
            {
                var id = request.RouteValues.TryGetValue("id", out var v) ? Guid.Parse(v!.ToString()!) : Guid.CreateVersion7();
                var written = await mediator.Send(new AwarenessWrite(id, body, CurrentUser.Of(http).ToActor(), key), ct);
                return created
                    ? Results.Created(written.CaseId is { } c ? $"/api/v1/cases/{c}" : $"/api/v1/awareness/{written.Id}", written)
                    : Results.Ok(written);
            })
            .RequireAuthorization(Policies.CaseWriter)
            .WithName(name)
            .WithTags("Awareness")
            .WithSummary(summary)
            .WithDescription(description)
            .Accepts<TBody>("application/json")
            .Produces<AwarenessWritten>(created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

    internal static AwarenessView View(AwarenessState s, DateOnly today, RuleSettings rule) =>
        new(s.Id, s.IndividualId, s.Source, s.KnownOn, s.Attempts, s.CaseId, AwarenessDecider.NoAnswer(s, today, rule));

    /// <summary>The record if the caller's party recorded it; otherwise 404, as for an unknown id.</summary>
    internal static async Task<AwarenessFile> Own(IQuerySession session, Guid id, Actor by, CancellationToken ct) =>
        await session.LoadAsync<AwarenessFile>(id, ct) is { } file && file.RecordedBy == by.Party
            ? file
            : throw new NotFoundException($"No kännedom record with id {id}.", refused: true);
}

/// <summary>Validates the three kännedom bodies.</summary>
internal sealed class AwarenessWriteValidator : AbstractValidator<AwarenessWrite>
{
    public AwarenessWriteValidator(BusinessCalendar calendar)
    {
        When(w => w.Body is RecordAwarenessRequest, () =>
        {
            RuleFor(w => ((RecordAwarenessRequest)w.Body).IndividualId).NotNull().OverridePropertyName("individualId");
            RuleFor(w => ((RecordAwarenessRequest)w.Body).Source).NotNull().IsInEnum().OverridePropertyName("source");
            RuleFor(w => ((RecordAwarenessRequest)w.Body).KnownOn).HappenedIfGiven(calendar).OverridePropertyName("knownOn");
        });
        When(w => w.Body is ContactAttemptRequest, () =>
        {
            RuleFor(w => ((ContactAttemptRequest)w.Body).Kind).NotNull().IsInEnum().OverridePropertyName("kind");
            RuleFor(w => ((ContactAttemptRequest)w.Body).Outcome).NotNull().IsInEnum().OverridePropertyName("outcome");
            RuleFor(w => ((ContactAttemptRequest)w.Body).AttemptedOn).HappenedIfGiven(calendar).OverridePropertyName("attemptedOn");
        });
        // The same rules as POST /cases: a conversion opens a case.
        var opening = new CaseOpening.Rules(calendar);
        RuleFor(w => w).Custom((w, context) =>
        {
            if (w.Body is ConvertAwarenessRequest b)
            {
                opening.Validate(b).Errors.ForEach(context.AddFailure);
            }
        });
    }
}

/// <summary>Decides and appends a kännedom write; a conversion opens the case in the same transaction.</summary>
internal sealed class AwarenessWriteHandler(IDocumentSession session, BusinessCalendar calendar, Infrastructure.Access.FreeTextSealer sealer,
    Infrastructure.Access.TextKeys keys) : IRequestHandler<AwarenessWrite, AwarenessWritten>
{
    public async Task<AwarenessWritten> Handle(AwarenessWrite request, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        switch (request.Body)
        {
            case RecordAwarenessRequest b:
                // The person must be one KAA is related to; to others the id does not exist.
                _ = await Individuals.IndividualAccess.FindRelatedAsync(session, b.IndividualId!.Value, request.By.Party, cancellationToken)
                    ?? throw new NotFoundException(Individuals.IndividualAccess.NotFound(b.IndividualId!.Value));
                session.Events.StartStream<AwarenessFile>(request.Id,
                    AwarenessDecider.Record(request.Id, b.IndividualId!.Value, b.Source!.Value, request.By, b.KnownOn ?? today));
                return new AwarenessWritten(request.Id, null);
            case ContactAttemptRequest b:
            {
                var file = await AwarenessEndpoints.Own(session, request.Id, request.By, cancellationToken);
                session.Events.Append(request.Id, AwarenessDecider.Attempt(file.State, Guid.CreateVersion7(), b.Kind!.Value, b.Outcome!.Value, b.AttemptedOn ?? today));
                return new AwarenessWritten(request.Id, null);
            }

            case ConvertAwarenessRequest b:
            {
                var file = await AwarenessEndpoints.Own(session, request.Id, request.By, cancellationToken);
                var individual = await Individuals.IndividualAccess.FindRelatedAsync(session, file.State.IndividualId, request.By.Party, cancellationToken)
                    ?? throw new NotFoundException(Individuals.IndividualAccess.NotFound(file.State.IndividualId));
                var caseId = Guid.CreateVersion7();
                var openedOn = b.OpenedOn ?? today;
                var (converted, carried) = AwarenessDecider.Convert(file.State, caseId, openedOn);
                var open = new OpenCaseCommand(caseId, file.State.IndividualId, b.MunicipalityCode!, b.TargetGroups!, request.By.Party, b.OpeningUnit!.Trim(), openedOn)
                {
                    By = request.By,
                };
                // One transaction: the case with the attempts, and the record's conversion.
                await CaseOpening.StartAsync(session, sealer, keys, open, individual, [carried], cancellationToken);
                session.Events.Append(request.Id, converted);
                return new AwarenessWritten(request.Id, caseId);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Body.GetType().Name, "Unknown kännedom write.");
        }
    }
}
