#!/usr/bin/env bash
# Publishes the example vacancies of Brookfield Home Care (examples/tracker) on the public pages,
# each with its first advert and then its later one, as a provider's office would through the API.
#   examples/vacancies/publish.sh BASE_URL PROVIDER_KEY
# The provider must have the vacancies examples/tracker/applicants.csv makes (Care worker, Senior
# care worker, Care coordinator). Each closes 28 days from today.
set -euo pipefail
base=$1
key=$2
here=$(dirname "$0")
auth=(-H "Authorization: Bearer $key" -H 'Content-Type: application/json')
closing=$(date -u -d '+28 days' +%F)

vacancy_id() {
  curl -sf "${auth[@]}" "$base/api/v1/vacancies?limit=1000" |
    python3 -c 'import json,sys; print(next(v["id"] for v in json.load(sys.stdin)["items"] if v["role"] == sys.argv[1]))' "$1"
}

# The particulars of NAME.json with the advert in FILE and the closing date, as a PATCH body.
body() {
  python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); b["advert_text"]=open(sys.argv[2]).read(); b["closing_on"]=sys.argv[3]; b.update(json.loads(sys.argv[4])); print(json.dumps(b))' \
    "$here/$1.json" "$here/$2" "$closing" "$3"
}

for name in care-worker senior-care-worker care-coordinator; do
  role=$(python3 -c 'import sys; print(sys.argv[1].replace("-", " ").capitalize())' "$name")
  id=$(vacancy_id "$role")
  for advert in "$here/$name"-v*.txt; do
    curl -sf "${auth[@]}" -X PATCH "$base/api/v1/vacancies/$id" \
      -d "$(body "$name" "$(basename "$advert")" '{"status": "open"}')" |
      python3 -c 'import json,sys; v=json.load(sys.stdin); print("%s: advert version %d, score %d" % (v["role"], v["live_version"], v["advert_score"]))'
  done
done
curl -sf "${auth[@]}" -X PUT "$base/api/v1/settings/listing" -d '{"listed": true}'
echo
echo "Listed: $base/vacancies"
