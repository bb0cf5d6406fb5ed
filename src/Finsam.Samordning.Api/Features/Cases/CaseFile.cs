using Marten.Linq.MatchesSql;
using Marten.Events.Aggregation;

namespace Finsam.Samordning.Api.Features.Cases;

/// <summary>
/// The one document per case, rewritten once per command in the events' transaction: the decider's
/// state (what <c>FetchForWriting</c> reads), the joint overview (what details, overview and
/// history read), the stall facts (what the scan judges) and the columns lists and the scan query.
/// One row to load and one to write per command. Flags are not folded here but into
/// <see cref="Flags.CaseFlags"/> (same id): the overview and the decider's state read them from there.
/// </summary>
public sealed record CaseFile
{
    /// <summary>Case id.</summary>
    public Guid Id { get; init; }

    /// <summary>The stream version of the case's latest event other than a flag's; also the <c>ETag</c>.</summary>
    // Synced by Marten with the row's revision (mt_version): the version of the last event folded
    // here. Flag events are not folded here, so a flag raised by the scan leaves the ETag alone.
    [Marten.Schema.Version]
    public long Version { get; set; }

    /// <summary>The decider's write model.</summary>
    public CaseState State { get; init; } = new();

    /// <summary>The joint SIP overview, as stored: without its flags, which readers take from <see cref="Flags.CaseFlags"/>.</summary>
    public CaseOverview Overview { get; init; } = new();

    /// <summary>What the stall rules judge.</summary>
    public StallFacts Facts { get; init; } = new();

    /// <summary>What the förbund's indicator tables count, each fact with its business date (issue 15).</summary>
    public Domain.FollowUp.FollowUpFacts FollowUp { get; init; } = new();

    /// <summary>The follow-up facts packed (<see cref="Domain.FollowUp.FollowUpPack"/>): all the indicator tables read of the file.</summary>
    // Kept in its own bytea column only, not in the JSON. The document (9 kB of JSON, 4 kB
    // compressed) is stored out of line (TOAST), while a pack of some 190 bytes stays in the row: the
    // tables read 100,000 packs from a heap of some 40 MB without detoasting or parsing a single file.
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[] FollowUpPack => Domain.FollowUp.FollowUpPack.Write(FollowUp);

    /// <summary>The individual, by id (indexed: who is related to a person is asked through their cases).</summary>
    public Guid? IndividualId { get; init; }

    /// <summary>Municipality code (indexed).</summary>
    public string MunicipalityCode { get; init; } = "";

    /// <summary>Latest business date of anything on the case (indexed: lists sort by it).</summary>
    public DateOnly LastActivityOn { get; init; }

    /// <summary>Parties on the case now.</summary>
    public IReadOnlyList<PartyCode> Parties { get; init; } = [];

    /// <summary>
    /// Parties related to the case (on it, left it, or referred or invited and not yet answered):
    /// the only parties that may learn it exists.
    /// </summary>
    public IReadOnlyList<PartyCode> RelatedParties { get; init; } = [];

    /// <summary>The related parties' codes, as the text array the lists filter on.</summary>
    // Only in its own GIN-indexed column (not the JSON): "cases my party is related to" is then an
    // index lookup (`@>`), also for the page's total count, instead of a containment test on every
    // case file's whole document.
    [System.Text.Json.Serialization.JsonIgnore]
    public string[] RelatedPartyCodes => [.. RelatedParties.Select(p => p.ToString())];

    /// <summary>
    /// When the stall scan must look at the case next: at once after anything changes (the case's
    /// opening day), else on the first day a rule's verdict could change; null when never.
    /// </summary>
    // Kept in its indexed column only, not in the JSON: the scan writes it back with an update of
    // that column alone, which leaves the (large, TOASTed) document untouched. Written into the JSON
    // too, every reschedule rewrote the whole file, and the full sweep was mostly that.
    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly? NextAttentionOn { get; init; }

    /// <summary>Folds one event into every part of the file.</summary>
    public static CaseFile? Project(CaseFile? file, ICaseEvent @event)
    {
        var overview = CaseOverview.Project(file?.Overview, @event);
        if (overview is null)
        {
            return null;
        }

        var next = (file ?? new CaseFile { Id = overview.Id }) with
        {
            State = CaseState.Evolve(file?.State, @event)!,
            Overview = overview,
            IndividualId = @event is CaseOpened opened ? opened.IndividualId : file?.IndividualId,
            MunicipalityCode = overview.MunicipalityCode,
            LastActivityOn = overview.LastActivityOn,
            Parties = [.. overview.Parties.Where(p => p.LeftOn is null).Select(p => p.Party).Order()],
            RelatedParties =
            [
                .. overview.Parties.Select(p => p.Party).Concat(overview.PendingParties()).Distinct().Order(),
            ],
        };

        // Anything that happens makes the case due at once; the scan, after deciding, writes back
        // when it is due next.
        return next with
        {
            Facts = StallFacts.Evolve(next.Facts, @event) ?? next.Facts,
            FollowUp = Domain.FollowUp.FollowUpFacts.Evolve(next.FollowUp, @event) ?? next.FollowUp,
            NextAttentionOn = overview.OpenedOn,
        };
    }

    /// <summary>Folds events from the start of a stream, as the projection does.</summary>
    public static CaseFile? Fold(IEnumerable<ICaseEvent> events, long version)
    {
        var file = events.Aggregate((CaseFile?)null, Project);
        return file is null ? null : file.Stamped(version);
    }

    /// <summary>The filter "cases <paramref name="party"/> is related to", answered by the GIN index on <see cref="RelatedPartyCodes"/>.</summary>
    public static System.Linq.Expressions.Expression<Func<CaseFile, bool>> IsRelatedTo(PartyCode party)
    {
        string[] codes = [party.ToString()];
        return c => c.MatchesSql("d.related_party_codes @> ?", new object[] { codes });
    }

    /// <summary>How <paramref name="party"/> stands to the case.</summary>
    public RelationKind RelationOf(PartyCode party) => Overview.RelationOf(party);

    /// <summary>A party's relation from the two party lists alone, for readers of many cases without their overviews.</summary>
    // The lists do not tell a party that left from one only asked to join: both are answered as Former, which the
    // secrecy module judges as it judges Pending (neither sees other parties' entries or facts of the case).
    public static RelationKind RelationFrom(PartyCode party, IReadOnlyList<PartyCode> parties, IReadOnlyList<PartyCode> relatedParties) =>
        parties.Contains(party) ? RelationKind.Member : relatedParties.Contains(party) ? RelationKind.Former : RelationKind.None;

    // The parts carry the version too: the decider's state and the overview's ETag read it.
    private CaseFile Stamped(long version)
    {
        Version = version;
        State.Version = version;
        Overview.Version = version;
        return this;
    }

    /// <summary>Inline projection of the file: one document per stream.</summary>
    public sealed class Projection : SingleStreamProjection<CaseFile, Guid>
    {
        /// <summary>Declares the case events other than flags' as the only ones this projection folds.</summary>
        // Without a declared type Marten hands the projection every stream appended to, and it loads
        // a case file for each: every write to a kännedom record's stream also read one. Flag events
        // are left to CaseFlags, so an append of flags alone neither loads nor rewrites the file.
        public Projection()
        {
            foreach (var type in CaseEventTypes.All.Except(Flags.CaseFlags.EventTypes))
            {
                IncludeType(type);
            }
        }

        /// <inheritdoc />
        public override CaseFile? Evolve(CaseFile? snapshot, Guid id, IEvent e) =>
            e.Data is ICaseEvent caseEvent and not IFlagEvent ? Project(snapshot, caseEvent)?.Stamped(e.Version) : snapshot;
    }
}
