#!/usr/bin/env bash
# Runs domain.md's KAA walk-through through HTTP against the local service (deploy/local/run.sh
# in another terminal), then prints the joint overview as it stood on three dates.
# FINSAM_API_PORT  port of the API (default 5080)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base="http://127.0.0.1:${FINSAM_API_PORT:-5080}/api/v1"
declare -A token
for p in KAA VC AF SOC; do token[$p]="$(bash "$here/token.sh" handlaggare "$p")"; done

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
post VC "$c/referrals/$remiss/decline" '{"reason":"Fel enhet: skicka till Vårdcentralen Svalöv","declinedOn":"2026-03-05"}' >/dev/null
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
