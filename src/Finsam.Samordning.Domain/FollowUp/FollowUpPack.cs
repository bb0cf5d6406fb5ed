using System.Buffers.Binary;
using System.Text;
using Finsam.Samordning.Domain.Cases;

namespace Finsam.Samordning.Domain.FollowUp;

/// <summary>
/// The follow-up facts of one case in a compact binary form (dates as day numbers, codes as their
/// numbers, ids as 16 bytes): what the indicator tables read of every case, about a tenth of the
/// facts' JSON and decoded without a JSON parser. <see cref="Read"/> gives back exactly what
/// <see cref="Write"/> was given. A pack starts with a fingerprint of this format and of every code
/// list it stores by number, so a pack written before a code list or the format changed is not read
/// (null): the caller folds that case from its events instead.
/// </summary>
public static class FollowUpPack
{
    // Bump when the layout below changes.
    private const int FormatVersion = 1;

    /// <summary>This build's fingerprint: the format version and the names and numbers of every code list stored by number.</summary>
    public static readonly int Fingerprint = ComputeFingerprint();

    /// <summary>Packs <paramref name="facts"/>.</summary>
    public static byte[] Write(FollowUpFacts facts)
    {
        var w = new Writer();
        w.Int32(Fingerprint);
        w.Guid(facts.CaseId);
        w.Date(facts.OpenedOn);
        w.String(facts.MunicipalityCode);
        w.List(facts.TargetGroups, (w, g) => w.Int((int)g));
        w.List(facts.Lifecycle, (w, l) =>
        {
            w.Date(l.On);
            w.Int(l.Closed ? 1 : 0);
            w.NullableInt((int?)l.Outcome);
        });
        w.List(facts.Parties, (w, p) =>
        {
            w.Int((int)p.Party);
            w.Date(p.From);
            w.NullableDate(p.To);
        });
        w.List(facts.Insatser, WriteInsats);
        w.List(facts.Flags, (w, f) =>
        {
            w.Guid(f.Id);
            w.String(f.Rule);
            w.Date(f.RaisedOn);
            w.NullableDate(f.ClearedOn);
        });
        w.List(facts.Meetings, (w, m) =>
        {
            w.Guid(m.Id);
            w.Date(m.HeldOn);
            w.Int(m.PersonPresent ? 1 : 0);
            w.NullableDate(m.NextFollowUpOn);
        });
        w.List(facts.Consents, (w, c) =>
        {
            w.Guid(c.Id);
            w.Date(c.GivenOn);
            w.Date(c.ValidFrom);
            w.NullableDate(c.ValidUntil);
            w.NullableDate(c.EndedFrom);
            w.NullableDate(c.EndKnownOn);
        });
        w.List(facts.Answers, (w, a) =>
        {
            w.Guid(a.Id);
            w.Int((int)a.Party);
            w.Int((int)a.Respondent);
            w.String(a.Version);
            w.List(a.Scores, (w, s) => w.Int(s));
            w.Date(a.AnsweredOn);
        });
        return w.ToArray();
    }

    /// <summary>Unpacks a pack of this build's format; null when it was written in another (or is not a pack).</summary>
    public static FollowUpFacts? Read(ReadOnlySpan<byte> pack)
    {
        if (pack.Length < 4 || BinaryPrimitives.ReadInt32LittleEndian(pack) != Fingerprint)
        {
            return null;
        }

        var r = new Reader(pack[4..]);
        var caseId = r.Guid();
        var openedOn = r.Date();
        var municipality = r.String();
        var groups = new TargetGroup[r.Int()];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = (TargetGroup)r.Int();
        }

        var lifecycle = new LifecycleChange[r.Int()];
        for (var i = 0; i < lifecycle.Length; i++)
        {
            lifecycle[i] = new LifecycleChange(r.Date(), r.Int() == 1, (CaseOutcome?)r.NullableInt());
        }

        var parties = new PartySpan[r.Int()];
        for (var i = 0; i < parties.Length; i++)
        {
            parties[i] = new PartySpan((PartyCode)r.Int(), r.Date(), r.NullableDate());
        }

        var insatser = new InsatsFacts[r.Int()];
        for (var i = 0; i < insatser.Length; i++)
        {
            insatser[i] = ReadInsats(ref r, caseId);
        }

        var flags = new FlagFacts[r.Int()];
        for (var i = 0; i < flags.Length; i++)
        {
            flags[i] = new FlagFacts(r.Guid(), r.String(), r.Date(), r.NullableDate());
        }

        var meetings = new MeetingFacts[r.Int()];
        for (var i = 0; i < meetings.Length; i++)
        {
            meetings[i] = new MeetingFacts(r.Guid(), r.Date(), r.Int() == 1, r.NullableDate());
        }

        var consents = new ConsentFacts[r.Int()];
        for (var i = 0; i < consents.Length; i++)
        {
            consents[i] = new ConsentFacts(r.Guid(), r.Date(), r.Date(), r.NullableDate(), r.NullableDate(), r.NullableDate());
        }

        var answers = new ProgressAnswers[r.Int()];
        for (var i = 0; i < answers.Length; i++)
        {
            var (id, party, respondent, version) = (r.Guid(), (PartyCode)r.Int(), (Respondent)r.Int(), r.String());
            var scores = new int[r.Int()];
            for (var s = 0; s < scores.Length; s++)
            {
                scores[s] = r.Int();
            }

            answers[i] = new ProgressAnswers(id, party, respondent, version, scores, r.Date());
        }

        return new FollowUpFacts
        {
            CaseId = caseId, OpenedOn = openedOn, MunicipalityCode = municipality, TargetGroups = groups, Lifecycle = lifecycle, Parties = parties,
            Insatser = insatser, Flags = flags, Meetings = meetings, Consents = consents, Answers = answers,
        };
    }

    // The SUS records' case, insats and party are the insats' own (the decider records them so, and
    // the fold files them under that insats): not stored twice.
    private static void WriteInsats(Writer w, InsatsFacts i)
    {
        w.Guid(i.Id);
        w.Int((int)i.Party);
        w.String(i.Kind);
        w.Date(i.PlannedOn);
        w.NullableDate(i.StartedOn);
        w.NullableDate(i.EndedOn);
        w.Int(i.Pauses is null ? 0 : i.Pauses.Count + 1);
        foreach (var p in i.Pauses ?? [])
        {
            w.Date(p.From);
            w.NullableDate(p.To);
        }

        w.Int(i.Start is null ? 0 : 1);
        if (i.Start is { } s)
        {
            w.Int((int)s.Sex);
            w.String(s.HomeMunicipality);
            w.Int((int)s.Education);
            w.Int((int)s.TimeOnSupport);
            w.Situation(s.Before);
            w.Date(s.RecordedOn);
        }

        w.Int(i.End is null ? 0 : 1);
        if (i.End is { } e)
        {
            w.Int((int)e.End);
            w.NullableInt((int?)e.Reason);
            w.Int(e.After is null ? 0 : 1);
            if (e.After is { } after)
            {
                w.Situation(after);
            }

            w.Date(e.RecordedOn);
        }
    }

    private static InsatsFacts ReadInsats(ref Reader r, Guid caseId)
    {
        var (id, party, kind, plannedOn, startedOn, endedOn) = (r.Guid(), (PartyCode)r.Int(), r.String(), r.Date(), r.NullableDate(), r.NullableDate());
        DateSpan[]? pauses = null;
        if (r.Int() is var pauseCount and > 0)
        {
            pauses = new DateSpan[pauseCount - 1];
            for (var p = 0; p < pauses.Length; p++)
            {
                pauses[p] = new DateSpan(r.Date(), r.NullableDate());
            }
        }

        ParticipantStartRecorded? start = null;
        if (r.Int() == 1)
        {
            start = new ParticipantStartRecorded(caseId, id, party, (Sex)r.Int(), r.String(), (EducationLevel)r.Int(), (SupportDuration)r.Int(),
                r.Situation(), r.Date());
        }

        ParticipantEndRecorded? end = null;
        if (r.Int() == 1)
        {
            var (ending, reason) = ((ParticipantEnd)r.Int(), (InterruptionReason?)r.NullableInt());
            var after = r.Int() == 1 ? r.Situation() : null;
            end = new ParticipantEndRecorded(caseId, id, party, ending, reason, after, r.Date());
        }

        return new InsatsFacts(id, party, kind, plannedOn, startedOn, endedOn, pauses, start, end);
    }

    private static int ComputeFingerprint()
    {
        Type[] codes =
        [
            typeof(TargetGroup), typeof(CaseOutcome), typeof(PartyCode), typeof(Sex), typeof(EducationLevel), typeof(SupportDuration),
            typeof(IncomeSource), typeof(Occupation), typeof(ParticipantEnd), typeof(InterruptionReason), typeof(Respondent),
        ];
        var text = new StringBuilder($"v{FormatVersion}");
        foreach (var type in codes)
        {
            text.Append(';').Append(type.Name);
            foreach (var value in Enum.GetValues(type))
            {
                text.Append(',').Append(value).Append('=').Append(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text.ToString()))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
    }

    private sealed class Writer
    {
        private readonly MemoryStream _stream = new(256);

        public void Int32(int value)
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            _stream.Write(bytes);
        }

        // Unsigned LEB128: codes, counts and day numbers are small and never negative.
        public void Int(int value)
        {
            var v = (uint)value;
            while (v >= 0x80)
            {
                _stream.WriteByte((byte)(v | 0x80));
                v >>= 7;
            }

            _stream.WriteByte((byte)v);
        }

        public void NullableInt(int? value) => Int(value is { } v ? v + 1 : 0);

        public void Date(DateOnly value) => Int(value.DayNumber);

        public void NullableDate(DateOnly? value) => NullableInt(value?.DayNumber);

        public void Guid(Guid value)
        {
            Span<byte> bytes = stackalloc byte[16];
            value.TryWriteBytes(bytes);
            _stream.Write(bytes);
        }

        public void String(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Int(bytes.Length);
            _stream.Write(bytes);
        }

        public void Situation(ParticipantSituation s)
        {
            List(s.IncomeSources, (w, source) => w.Int((int)source));
            Int((int)s.Occupation);
            Int(s.ExtentPercent);
        }

        public void List<T>(IReadOnlyList<T> items, Action<Writer, T> item)
        {
            Int(items.Count);
            foreach (var x in items)
            {
                item(this, x);
            }
        }

        public byte[] ToArray() => _stream.ToArray();
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public int Int()
        {
            uint value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _bytes[_at++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return (int)value;
                }
            }
        }

        public int? NullableInt() => Int() is var v and > 0 ? v - 1 : null;

        public DateOnly Date() => DateOnly.FromDayNumber(Int());

        public DateOnly? NullableDate() => NullableInt() is { } d ? DateOnly.FromDayNumber(d) : null;

        public Guid Guid()
        {
            var value = new Guid(_bytes.Slice(_at, 16));
            _at += 16;
            return value;
        }

        public string String()
        {
            var length = Int();
            var value = Encoding.UTF8.GetString(_bytes.Slice(_at, length));
            _at += length;
            return value;
        }

        public ParticipantSituation Situation()
        {
            var sources = new IncomeSource[Int()];
            for (var i = 0; i < sources.Length; i++)
            {
                sources[i] = (IncomeSource)Int();
            }

            return new ParticipantSituation(sources, (Occupation)Int(), Int());
        }
    }
}
