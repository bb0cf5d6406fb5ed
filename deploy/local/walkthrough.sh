#!/usr/bin/env bash
# Runs domain.md's KAA walk-through through HTTP against the local service (deploy/local/run.sh
# in another terminal), then prints the joint overview as it stood on three dates; then a whole SIP
# cycle of an adult case (issue 13): preparation, invitations and answers, a meeting moved, the
# meeting, the printed plan, a follow-up. The printed plans are written to FINSAM_WALK_OUT.
# FINSAM_API_PORT  port of the API (default 5080)
# FINSAM_WALK_OUT  folder for the printable plans (default: a new temp folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base="http://127.0.0.1:${FINSAM_API_PORT:-5080}/api/v1"
declare -A token
for p in KAA VC AF SOC FK PSY; do token[$p]="$(bash "$here/token.sh" handlaggare "$p")"; done

# post PARTY PATH JSON -> prints the response body; fails loudly on an error status.
post() {
  local out status
  out="$(curl -sS -w '\n%{http_code}' -X POST "$base$2" -H "Authorization: Bearer ${token[$1]}" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -d "$3")"
  status="${out##*$'\n'}"; out="${out%$'\n'*}"
  if [ "${status:0:1}" != 2 ]; then echo "POST $2 -> $status $out" >&2; exit 1; fi
  echo "$out"
}
id() { jq -r .id; }

case_id="$(post KAA /cases '{"municipalityCode":"1214","targetGroups":["Uvas","KaaYouth","MentalIllHealth"],"openingParty":"KAA","openingUnit":"KAA Svalöv","openedOn":"2026-03-02"}' | id)"
c="/cases/$case_id"
echo "case $case_id"
# The person consents to KAA, VC, AF, SOC and the förbund sharing; recording confirms it for KAA only,
# each other party confirms it for its own entries once it is on the case.
consent="$(post KAA "$c/consents" '{"parties":["KAA","VC","AF","SOC"],"coversForbund":true,"form":"Written","givenOn":"2026-03-02","validFrom":"2026-03-02","validUntil":"2027-03-01"}' | id)"
kaa_talks="$(post KAA "$c/interventions" '{"kind":"motivationssamtal","plannedStart":"2026-03-04","plannedOn":"2026-03-02"}' | id)"
post KAA "$c/interventions/$kaa_talks/start" '{"startedOn":"2026-03-04"}' >/dev/null
remiss="$(post KAA "$c/referrals" '{"kind":"Remiss","to":"VC","reason":"Hälsosamtal: oro och sömn","respondBy":"2026-03-12","sentOn":"2026-03-02"}' | id)"
post VC "$c/referrals/$remiss/decline" '{"reasonCode":"NotOurs","reason":"Fel enhet: skicka till Vårdcentralen Svalöv","declinedOn":"2026-03-05"}' >/dev/null
resent="$(post KAA "$c/referrals" '{"kind":"Remiss","to":"VC","reason":"Hälsosamtal: oro och sömn","respondBy":"2026-03-16","sentOn":"2026-03-06"}' | id)"
af_invite="$(post KAA "$c/invitations" '{"party":"AF","reason":"Kartläggning mot studier eller arbete","invitedOn":"2026-03-12"}' | id)"
post AF "$c/invitations/$af_invite/accept" '{"unit":"Arbetsförmedlingen Landskrona","answeredOn":"2026-03-12"}' >/dev/null
post AF "$c/consents/$consent/confirm" '{}' >/dev/null
af_mapping="$(post AF "$c/interventions" '{"kind":"kartlaggning","plannedStart":"2026-03-16","plannedOn":"2026-03-12"}' | id)"
soc_invite="$(post KAA "$c/invitations" '{"party":"SOC","reason":"Försörjning","invitedOn":"2026-03-14"}' | id)"
post SOC "$c/invitations/$soc_invite/accept" '{"unit":"Ekonomiskt bistånd Svalöv","answeredOn":"2026-03-14"}' >/dev/null
post SOC "$c/consents/$consent/confirm" '{}' >/dev/null
post SOC "$c/benefit-decisions" '{"benefit":"Forsorjningsstod","decision":"Granted","from":"2026-03-14","decidedOn":"2026-03-14"}' >/dev/null
post AF "$c/interventions/$af_mapping/start" '{"startedOn":"2026-03-16"}' >/dev/null
post AF "$c/assessments" '{"conclusion":"NotReady","validFrom":"2026-03-16"}' >/dev/null
post VC "$c/referrals/$resent/accept" '{"unit":"Vårdcentralen Svalöv","acceptedOn":"2026-03-18"}' >/dev/null
post VC "$c/consents/$consent/confirm" '{}' >/dev/null
vc_talks="$(post VC "$c/interventions" '{"kind":"halsosamtal","plannedStart":"2026-03-20","plannedOn":"2026-03-18"}' | id)"
post VC "$c/interventions/$vc_talks/start" '{"startedOn":"2026-03-20"}' >/dev/null
sip="$(post KAA "$c/sip-meetings" '{"meetingOn":"2026-03-26","invitedParties":["KAA","AF","VC","SOC"],"scheduledOn":"2026-03-20"}' | id)"
post KAA "$c/sip-meetings/$sip/held" '{"heldOn":"2026-03-26","participants":["KAA","AF","VC","SOC"],"individualTookPart":true,"decisions":"KAA håller ihop planen. Sikte på folkhögskola till hösten.","nextFollowUpOn":"2026-05-07"}' >/dev/null
post KAA "$c/plan/lead" '{"party":"KAA","assignedOn":"2026-03-26"}' >/dev/null
post KAA "$c/plan/goals" '{"area":"Studier","statedBy":"Individual","text":"Plugga på folkhögskola","setOn":"2026-03-26"}' >/dev/null
post KAA "$c/plan/goals" '{"area":"Halsa","statedBy":"Professionals","text":"Regelbunden sömn","setOn":"2026-03-26"}' >/dev/null
post KAA "$c/plan/actions" '{"description":"Kartläggning klar","responsibleParty":"AF","dueOn":"2026-04-16","plannedOn":"2026-03-26"}' >/dev/null
post KAA "$c/plan/actions" '{"description":"Bedöm arbetsförmåga","responsibleParty":"VC","dueOn":"2026-04-11","plannedOn":"2026-03-26"}' >/dev/null
post VC "$c/contacts" '{"kind":"Meeting","noShow":true,"occurredOn":"2026-04-01"}' >/dev/null
post AF "$c/interventions/$af_mapping/complete" '{"endReason":"MovedOnToWorkOrStudies","completedOn":"2026-06-30"}' >/dev/null
post VC "$c/interventions/$vc_talks/complete" '{"endReason":"GoalReached","completedOn":"2026-06-20"}' >/dev/null
# Each party ends its own insatser; the close ends only KAA's own talks.
post KAA "$c/close" '{"outcome":"Studier","endOpenInterventionsAs":"MovedOnToWorkOrStudies","closedOn":"2026-06-30"}' >/dev/null

summary='"\(.asOf): \(.status), parties \([.parties[] | select(.leftOn == null) | .party] | join(",")), insatser \([.interventions[] | "\(.insats.party) \(.insats.kind) \(.insats.state) (waited \(.daysWaited) d)"] | join("; ")), referrals \([.referrals[].referral.state] | join(",")), goals \(.plan.individualGoals | length)+\(.plan.professionalGoals | length), overdue actions \([.plan.actions[] | select(.overdue)] | length), follow-up overdue \(.sip.followUpOverdue), parallel \(.parallelism.parallelDays)/\(.parallelism.caseDays) days"'
for as_of in 2026-03-07 2026-04-01 2026-05-20 ""; do
  curl -sS "$base$c/overview${as_of:+?asOf=$as_of}" -H "Authorization: Bearer ${token[KAA]}" | jq -r "$summary"
done

# --- A SIP cycle (issue 13) -----------------------------------------------------------------------
# A 41-year-old on long sick leave. SOC holds the case; FK, VC, AF and PSY are on it. The person's
# consent names SOC, FK, VC and AF, not PSY: PSY cannot be invited to the SIP meeting.
echo
echo "SIP cycle"
get() { curl -sS "$base$2" -H "Authorization: Bearer ${token[$1]}" -H "Accept: ${3:-application/json}"; }
invite() { local i; i="$(post SOC "$s/invitations" "{\"party\":\"$1\",\"reason\":\"SIP-samordning\",\"invitedOn\":\"2026-09-01\"}" | id)"
  post "$1" "$s/invitations/$i/accept" "{\"unit\":\"$2\",\"answeredOn\":\"2026-09-01\"}" >/dev/null; }

# 1. Need detected, preparation: the case, the parties, the consent before any invitation.
sip_case="$(post SOC /cases '{"municipalityCode":"1282","targetGroups":["SickListed","LongTermIncomeSupport"],"openingParty":"SOC","openingUnit":"Ekonomiskt bistånd Landskrona","openedOn":"2026-09-01"}' | id)"
s="/cases/$sip_case"
echo "case $sip_case"
invite FK "FK Lokalt försäkringscenter Malmö"; invite VC "Vårdcentralen Centrum"; invite AF "Arbetsförmedlingen Landskrona"; invite PSY "Psykiatrimottagningen Landskrona"
sip_consent="$(post SOC "$s/consents" '{"parties":["SOC","FK","VC","AF"],"coversForbund":true,"form":"Written","givenOn":"2026-09-01","validFrom":"2026-09-01","validUntil":"2027-08-31"}' | id)"
for p in FK VC AF; do post "$p" "$s/consents/$sip_consent/confirm" '{}' >/dev/null; done
stod="$(post SOC "$s/interventions" '{"kind":"boendestod","plannedStart":"2026-09-03","plannedOn":"2026-09-01"}' | id)"
post SOC "$s/interventions/$stod/start" '{"startedOn":"2026-09-03"}' >/dev/null
talks="$(post VC "$s/interventions" '{"kind":"halsosamtal","plannedStart":"2026-09-04","plannedOn":"2026-09-01"}' | id)"
post VC "$s/interventions/$talks/start" '{"startedOn":"2026-09-04"}' >/dev/null
post FK "$s/benefit-decisions" '{"benefit":"Sjukpenning","decision":"Refused","from":"2026-09-05","decidedOn":"2026-09-05"}' >/dev/null
post AF "$s/assessments" '{"conclusion":"NotReady","assessedOn":"2026-09-08","validFrom":"2026-09-08","validUntil":"2026-12-31"}' >/dev/null
post SOC "$s/target-groups" '{"targetGroups":["SickListed","LongTermIncomeSupport","Nollplacerad"],"changedOn":"2026-09-08"}' >/dev/null

# 2. Invitation (kallelse): PSY is refused (no consent names it); the parties, the person and the sister are invited.
psy="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$base$s/sip-meetings" -H "Authorization: Bearer ${token[SOC]}" -H 'Content-Type: application/json' \
  -d '{"meetingOn":"2026-09-24","invitedParties":["SOC","PSY"],"scheduledOn":"2026-09-10"}')"
echo "inviting PSY without its consent: $psy"
meeting="$(post SOC "$s/sip-meetings" '{"meetingOn":"2026-09-24","invitedParties":["SOC","FK","VC","AF"],"scheduledOn":"2026-09-10","form":"InPerson","place":"Socialkontoret Landskrona, rum 3","individualInvited":true,"otherParticipants":[{"kind":"Narstaende","name":"Lena Andersson","role":"syster"}]}' | id)"
post VC "$s/sip-meetings/$meeting/accept" '{"answeredOn":"2026-09-11"}' >/dev/null
post AF "$s/sip-meetings/$meeting/accept" '{"answeredOn":"2026-09-11"}' >/dev/null
post FK "$s/sip-meetings/$meeting/decline" '{"reason":"Handläggaren på utbildning den dagen","answeredOn":"2026-09-12"}' >/dev/null
# 3. The meeting moves so FK can come; everyone answers again.
post SOC "$s/sip-meetings/$meeting/reschedule" '{"meetingOn":"2026-09-29","reason":"FK kan inte den 24:e","rescheduledOn":"2026-09-14"}' >/dev/null
for p in FK VC AF; do post "$p" "$s/sip-meetings/$meeting/accept" '{"answeredOn":"2026-09-15"}' >/dev/null; done

# 4. The meeting: who was there, the plan lead, needs and who answers for them, both sides' goals, actions.
post SOC "$s/sip-meetings/$meeting/held" '{"heldOn":"2026-09-29","participants":["SOC","FK","VC","AF"],"individualTookPart":true,"decisions":"SOC håller ihop planen. Arbetsträning när hälsosamtalen gett resultat.","nextFollowUpOn":"2026-11-10","othersPresent":[{"kind":"Narstaende","name":"Lena Andersson","role":"syster"}]}' >/dev/null
post SOC "$s/plan/lead" '{"party":"SOC","assignedOn":"2026-09-29"}' >/dev/null
post SOC "$s/plan/needs" '{"area":"Halsa","description":"Långvarig smärta och sömnbrist","identifiedOn":"2026-09-29","responsibleParty":"VC"}' >/dev/null
post SOC "$s/plan/needs" '{"area":"Forsorjning","description":"Ingen inkomst sedan sjukpenningen drogs in","identifiedOn":"2026-09-29","responsibleParty":"SOC"}' >/dev/null
post SOC "$s/plan/needs" '{"area":"Arbete","description":"Vägen tillbaka till arbete","identifiedOn":"2026-09-29","responsibleParty":"AF"}' >/dev/null
own_goal="$(post SOC "$s/plan/goals" '{"area":"Arbete","statedBy":"Individual","text":"Jobba på lagret igen, först halvtid","setOn":"2026-09-29","targetOn":"2027-03-31"}' | id)"
post SOC "$s/plan/goals" '{"area":"Halsa","statedBy":"Professionals","text":"Sova hela nätter","setOn":"2026-09-29"}' >/dev/null
vc_action="$(post SOC "$s/plan/actions" '{"description":"Bedöma arbetsförmågan","responsibleParty":"VC","dueOn":"2026-10-20","plannedOn":"2026-09-29"}' | id)"
af_action="$(post SOC "$s/plan/actions" '{"description":"Kartläggning inför arbetsträning","responsibleParty":"AF","dueOn":"2026-10-30","plannedOn":"2026-09-29"}' | id)"
post SOC "$s/plan/actions" '{"description":"Gå på tre hälsosamtal","individualResponsible":true,"dueOn":"2026-10-31","plannedOn":"2026-09-29"}' >/dev/null
post SOC "$s/plan/actions" '{"description":"Följa med till första mötet på AF","responsibleOther":{"kind":"Narstaende","name":"Lena Andersson","role":"syster"},"dueOn":"2026-10-15","plannedOn":"2026-09-29"}' >/dev/null

# 5. The printed plan as the meeting left it (asOf the meeting day): the SIP document and "Min plan" as
# printable pages; open them in a browser and print.
out="${FINSAM_WALK_OUT:-$(mktemp -d)}"
mkdir -p "$out"
get SOC "$s/sip-plan?asOf=2026-09-29" text/html > "$out/sip-plan.html"
get SOC "$s/sip-plan/min-plan?asOf=2026-09-29" text/html > "$out/min-plan.html"
echo "printable plan:  $out/sip-plan.html"
echo "Min plan:        $out/min-plan.html"
get SOC "$s/sip-plan?asOf=2026-09-29" | jq -r '"plan \(.asOf): complete \(.complete), plan lead \(.planLead), follow-up \(.followUpOn), parties \([.parties[] | "\(.party)(\(.insatser | length) insatser, \(.actions | length) actions)"] | join(", "))"'

# 6. Upkeep and the follow-up: VC's action moves, AF's is done, the follow-up meeting is held.
post VC "$s/plan/actions/$vc_action/reschedule" '{"dueOn":"2026-11-05","reason":"Väntar på röntgen","rescheduledOn":"2026-10-15"}' >/dev/null
post AF "$s/plan/actions/$af_action/complete" '{"completedOn":"2026-10-28"}' >/dev/null
follow_up="$(post SOC "$s/sip-meetings" '{"meetingOn":"2026-11-10","invitedParties":["SOC","FK","VC","AF"],"scheduledOn":"2026-10-27","form":"Video"}' | id)"
for p in FK VC AF; do post "$p" "$s/sip-meetings/$follow_up/accept" '{"answeredOn":"2026-10-28"}' >/dev/null; done
post SOC "$s/sip-meetings/$follow_up/held" '{"heldOn":"2026-11-10","participants":["SOC","FK","VC","AF"],"individualTookPart":true,"decisions":"Arbetsträning på lagret 25 % från december.","nextFollowUpOn":"2027-01-12"}' >/dev/null
post SOC "$s/plan/goals/$own_goal/revise" '{"text":"Jobba på lagret igen, 25 % från december","targetOn":"2027-03-31","revisedOn":"2026-11-10"}' >/dev/null
get SOC "$s/sip-plan" | jq -r '"plan \(.asOf): complete \(.complete), last meeting \(.lastMeeting.on), follow-up \(.followUpOn), own goals \([.individualGoals[].text] | join("; "))"'
get SOC "$s/overview" | jq -r '"meetings: \([.sip.meetings[] | "\(.meetingOn) \(.state) (answers \([.answers[] | "\(.party) \(.answer)"] | join(", ")); moved \(.reschedules | length)x; not covered by consent: \(.notCoveredByConsent | join(",")))"] | join(" | "))"'
