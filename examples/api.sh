#!/usr/bin/env bash
# A walk through the caretoolkit API with curl. Start a server first (scripts/serve), then:
#   examples/api.sh [BASE_URL] [DATABASE]
# It makes a team key with the command line, creates a provider through the API, records a source,
# spend and an applicant's journey, imports and exports CSV, and reads the reports.
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
database=${2:-./data/caretoolkit.db}
binary=${CARETOOLKIT:-build/caretoolkit}
json=(-H 'Content-Type: application/json')
say() { printf '\n== %s\n' "$*"; }
# The first characters of a long answer. The whole answer is read first: cutting a pipe from curl
# short would make curl fail with a write error, and pipefail would stop the walk-through.
first() { local body; body=$(curl -s "$@"); printf '%s\n' "${body:0:600}"; }

say "Health"
curl -s "$base/healthz"; echo

say "Check an advert (no key needed)"
curl -s "${json[@]}" -X POST "$base/api/v1/adverts/check" \
  -d '{"text":"URGENT!!! Carers wanted for service users. Must be able to drive. Apply now!!!"}' |
  python3 -c 'import json,sys; r=json.load(sys.stdin); print("score", r["score"], r["grade"]); [print("-", f["rule"], ":", f["message"]) for f in r["findings"][:8]]'

say "Team key (shown once; keep it safe)"
team_key=$("$binary" admin create-team-key --db "$database" --label "api walkthrough")
team=(-H "Authorization: Bearer $team_key")

say "Create a provider and its first key"
created=$(curl -s "${json[@]}" "${team[@]}" -X POST "$base/api/v1/providers" -d '{"name":"Willow Home Care"}')
echo "$created"
provider_key=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["key"]["key"])' "$created")
provider=(-H "Authorization: Bearer $provider_key")

say "A source, its spend, an applicant"
source_id=$(curl -s "${json[@]}" "${provider[@]}" -X POST "$base/api/v1/sources" \
  -d '{"name":"Staff referral scheme","channel":"staff referral"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -s "${json[@]}" "${provider[@]}" -X POST "$base/api/v1/spend" \
  -d "{\"source_id\":$source_id,\"date\":\"2025-01-10\",\"amount_pence\":50000,\"note\":\"Referral bonus\"}"; echo
applicant_id=$(curl -s "${json[@]}" "${provider[@]}" -X POST "$base/api/v1/applicants" \
  -d "{\"reference\":\"WHC-001\",\"source_id\":$source_id,\"applied_on\":\"2025-01-15\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for event in '{"stage":"interviewed","on":"2025-01-20"}' '{"stage":"offered","on":"2025-01-22"}' '{"stage":"started","on":"2025-02-01"}'; do
  curl -s -o /dev/null -w '%{http_code} ' "${json[@]}" "${provider[@]}" -X POST "$base/api/v1/applicants/$applicant_id/events" -d "$event"
done; echo

say "A mistake gets a problem+json answer naming the field"
curl -s "${json[@]}" "${provider[@]}" -X POST "$base/api/v1/spend" \
  -d "{\"source_id\":$source_id,\"date\":\"2025-01-10\",\"amount_pence\":-5}"; echo

say "Import applicants from CSV (all or nothing), then export"
if [[ -f examples/tracker/applicants.csv ]]; then
  curl -s "${provider[@]}" -H 'Content-Type: text/csv' --data-binary @examples/tracker/applicants.csv \
    -X POST "$base/api/v1/import/applicants"; echo
fi
exported=$(curl -s "${provider[@]}" "$base/api/v1/export/applicants.csv")
head -5 <<<"$exported"

say "Reports for 2025"
for report in funnel roi retention workforce; do
  echo "-- $report"
  first "${provider[@]}" "$base/api/v1/reports/$report?from=2025-01-01&to=2025-12-31&by=source"
done

say "Team KPIs"
first "${team[@]}" "$base/api/v1/kpis?from=2025-01-01&to=2025-12-31"
