#!/usr/bin/env bash
# The largest page of each page family, and the whole output, of a built site: the page-weight budget at scale.
#   bench/pages.sh <output folder>
# Prints a Markdown table: family, pages, largest page and its size in KB (HTML, uncompressed).
set -euo pipefail
out=${1:?usage: bench/pages.sh <output folder>}
cd "$out"
find . -name '*.html' -printf '%s %P\n' | awk '
function family(p) {
  if (p ~ /^(page|[^ ]*\/page)\/(1\/)?index\.html$/) return "redirect (a list'"'"'s page/ folder)";
  if (p == "index.html" || p ~ /^page\/[0-9]+\//) return "home";
  if (p ~ /^claims\/(index\.html|page\/)/) return "claims index";
  if (p ~ /^claims\//) return "claim";
  if (p ~ /^articles\/(index\.html|page\/)/) return "articles index";
  if (p ~ /^articles\//) return "annotated article";
  if (p == "people/index.html") return "people index";
  if (p ~ /^people\//) return "person";
  if (p == "tags/index.html") return "topics index";
  if (p ~ /^tags\//) return "topic";
  if (p == "verdicts/index.html") return "verdicts index";
  if (p ~ /^verdicts\//) return "verdict";
  if (p ~ /^sources\/(index\.html|page\/)/) return "sources";
  if (p ~ /^sources\//) return "a source'"'"'s citing claims";
  if (p == "timeline/index.html") return "timeline";
  if (p ~ /^timeline\//) return "timeline month";
  if (p ~ /^corrections-log\//) return "corrections log";
  return "other (prose pages, 404)";
}
{ f = family($2); n[f]++; if ($1 > max[f]) { max[f] = $1; at[f] = $2 } }
END {
  print "| family | pages | largest page | KB |";
  print "| --- | ---: | --- | ---: |";
  for (f in n) printf "| %s | %d | `%s` | %.1f |\n", f, n[f], at[f], max[f] / 1024 | "sort";
}'
printf '\nWhole output: %s; claims.json: %s KB; search index: %s files, %s KB\n' \
  "$(du -sh . | cut -f1)" "$(( $(stat -c %s claims.json) / 1024 ))" \
  "$(find search -type f | wc -l)" "$(( $(find search -type f -printf '%s\n' | awk '{s += $1} END {print s}') / 1024 ))"
