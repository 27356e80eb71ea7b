#!/bin/sh
# Seeds the fuzz corpora with the reference's examples, the JSON fixtures of the models'
# tests (crates/zoho-invoice-models/tests/fixtures/<family>/*.json):
# - decode: each example prefixed with one byte, the index of its folder in FAMILIES below
#   (the same order as FAMILIES in fuzz_targets/decode.rs);
# - error_body: each example as it is, plus Zoho's error bodies from fuzz/seeds/error_body.
# Run from anywhere; existing corpus files are kept.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../crates/zoho-invoice-models/tests/fixtures"
FAMILIES="contacts credit_notes customer_payments estimates expenses invoices items
organizations projects recurring_expenses recurring_invoices resources retainer_invoices
time_entries"

mkdir -p "$here/corpus/decode" "$here/corpus/error_body"
index=0
for family in $FAMILIES; do
    [ -d "$fixtures/$family" ] || { echo "no fixtures folder $family" >&2; exit 1; }
    for file in "$fixtures/$family"/*.json; do
        name="${family}_$(basename "$file")"
        { printf "\\$(printf '%03o' "$index")"; cat "$file"; } > "$here/corpus/decode/$name"
        cp "$file" "$here/corpus/error_body/$name"
    done
    index=$((index + 1))
done
cp "$here"/seeds/error_body/* "$here/corpus/error_body/"
echo "decode: $(ls "$here/corpus/decode" | wc -l) seeds; error_body: $(ls "$here/corpus/error_body" | wc -l) seeds"
