#!/usr/bin/env bash
# Publishes the example vacancies of Brookfield Home Care (examples/tracker) on the public pages
# through the API, as a provider's office would when it starts using the toolkit with adverts it
# has already run: each advert version of versions.csv in turn, with the day it went live, then
# the applicants who came through the vacancy pages (applicants.csv), then the listing.
#   examples/vacancies/publish.sh BASE_URL PROVIDER_KEY
# The provider must have the vacancies examples/tracker/applicants.csv makes (Care worker, Senior
# care worker, Care coordinator) and no advert versions yet. Each closes 28 days from today.
set -euo pipefail
base=$1
key=$2
here=$(dirname "$0")
auth=(-H "Authorization: Bearer $key")
json=(-H 'Content-Type: application/json')
closing=$(date -u -d '+28 days' +%F)

vacancy_id() {
  curl -sf "${auth[@]}" "$base/api/v1/vacancies?limit=1000" |
    python3 -c 'import json,sys; print(next(v["id"] for v in json.load(sys.stdin)["items"] if v["role"] == sys.argv[1]))' "$1"
}

# The particulars of the vacancy's NAME.json with the advert in FILE, the closing date and the day
# the advert went live, as a PATCH body that publishes it.
body() {
  python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); b.update(advert_text=open(sys.argv[2]).read(), closing_on=sys.argv[3], advert_live_from=sys.argv[4], status="open"); print(json.dumps(b))' \
    "$here/$1.json" "$here/$2" "$closing" "$3"
}

tail -n +2 "$here/versions.csv" | while IFS=, read -r role advert live_from; do
  name=$(python3 -c 'import sys; print(sys.argv[1].lower().replace(" ", "-"))' "$role")
  id=$(vacancy_id "$role")
  curl -sf "${auth[@]}" "${json[@]}" -X PATCH "$base/api/v1/vacancies/$id" \
    -d "$(body "$name" "$advert" "$live_from")" |
    python3 -c 'import json,sys; v=json.load(sys.stdin); print("%s: advert version %d, score %d, live from %s" % (v["role"], v["live_version"], v["advert_score"], sys.argv[1]))' "$live_from"
done
curl -sf "${auth[@]}" -H 'Content-Type: text/csv' -X POST "$base/api/v1/import/applicants" \
  --data-binary "@$here/applicants.csv" |
  python3 -c 'import json,sys; r=json.load(sys.stdin); print("Applicants from the vacancy pages: %d added" % r["created"])'
curl -sf "${auth[@]}" "${json[@]}" -X PUT "$base/api/v1/settings/listing" -d '{"listed": true}'
echo
echo "Listed: $base/vacancies"
