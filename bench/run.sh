#!/usr/bin/env bash
# Paired benchmark: FactDossier's built binary against Hugo on the same synthetic dossier, run in alternation.
#   bench/run.sh [claims...]        default: 1000 10000 100000
#   RUNS=5 bench/run.sh 10000       runs per tool and size (default 3)
#   PREVIEW=0 bench/run.sh          skip the preview rebuild latency (default: measured at 1000 and 10000)
#   README_SIZES="1000 10000"       sizes for the README command's rows (default: those of the run up to 10000; 0 for none)
#   PAGES_SIZES="10000"             sizes for the Pages command's rows, output sizes and sitemap check (same default; 0 for none)
# Prints a Markdown table for bench/README.md. Needs /usr/bin/time (package time) and, for the comparison, hugo.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes=${*:-1000 10000 100000}
runs=${RUNS:-3}
work=${BENCH_DIR:-$(mktemp -d)}
echo "working in $work" >&2
# The binary's rows measure one process building into a cold folder: no build server (the README rows have theirs).
export FACTDOSSIER_BUILD_SERVER=0

# ReadyToRun: the benchmarked binary starts with precompiled code, as a released tool would.
rm -rf "$work/bin"
dotnet publish src/FactDossier -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/bin" >/dev/null
dotnet build bench/FactDossier.Bench -c Release >/dev/null
bench="dotnet bench/FactDossier.Bench/bin/Release/net10.0/FactDossier.Bench.dll"
have_hugo=$(command -v hugo >/dev/null && echo 1 || echo 0)

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# timed <label> <command...>: appends "wall cpu peakKiB" to $work/<label>.times
timed() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/last.time" "$@" >/dev/null 2>"$work/last.err" || { cat "$work/last.err" >&2; exit 1; }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$work/last.time" >> "$work/$label.times"
}

# settle <label>: waits until the build servers use no more CPU (their work after a command returned: warming up, deleting
# replaced files), appends that wait to $work/<label>.times, and their peak memory so far to $work/<label>.rss: nothing
# of theirs runs while the next command is timed.
settle() { # <label> <project folder>
  local label=$1 start prev="" now i
  start=$(date +%s.%N)
  for i in $(seq 600); do
    now=$(for p in $(pgrep -f "FactDossier(.dll)? server run" || true); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}')
    # Idle, and done deleting the files its last build replaced (waiting on the disk uses no CPU).
    [ "$now" = "$prev" ] && ! compgen -G "$2/.output.retired-*" >/dev/null && break
    prev=$now; sleep 0.5
  done
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f\n", b - a - 0.5}' >> "$work/$label.times"
  for p in $(pgrep -f "FactDossier(.dll)? server run" || true); do awk '/VmHWM/ {print $2}' "/proc/$p/status"; done | sort -n | tail -1 >> "$work/$label.rss"
}

# The sizes of the run up to 10,000: the default of the README command's and the Pages command's rows.
up_to_10000() { for n in $sizes; do [ "$n" -le 10000 ] && echo "$n"; done; }

# clone_with <claims> <folder>: a clean clone of the repository's last commit, the synthetic dossier as its input.
clone_with() {
  local dir="$work/$1"
  [ -d "$dir" ] || $bench generate "$1" "$dir" >/dev/null
  rm -rf "$2"
  git clone -q "$root" "$2"
  rm -rf "$2/input" "$2/seeds"
  cp -r "$dir/factdossier/input" "$dir/factdossier/seeds" "$2/"
}

# edit_claim <FactDossier project> <Hugo site>: the same claim's headline in both, changed back and forth.
edit_claim() {
  local fd_claim="$1/input/claims/c000000.yml" hugo_claim="$2/content/claims/c000000.md" from to
  if grep -q 'negotiations' "$fd_claim"; then from=negotiations to=talks; else from=talks to=negotiations; fi
  sed -i "s/^headline: \(Claim 0 about the\) $from\$/headline: \1 $to/" "$fd_claim"
  sed -i "s/^title: \"\(Claim 0 about the\) $from\"\$/title: \"\1 $to\"/" "$hugo_claim"
}

# aside <trash folder> <paths...>: the last run's site moved aside, not deleted, before a cold run: on this VM's disk
# (ext4 with discard), writing thousands of files just after deleting as many is several times slower.
aside() { local trash=$1; shift; for f in "$@"; do [ -e "$f" ] && mv "$f" "$(mktemp -d -p "$trash")/"; done; true; }

summary() { # <label> <pages>
  local f="$work/$1.times"
  local wall cpu rss
  wall=$(cut -d' ' -f1 "$f" | median); cpu=$(cut -d' ' -f2 "$f" | median); rss=$(cut -d' ' -f3 "$f" | median)
  echo "$wall $cpu $((rss / 1024)) $(awk -v p="$2" -v w="$wall" 'BEGIN {printf "%d", p / w}')"
}

echo "Seed dossier built in-process 20 times: $($bench inprocess "$root" 20)"
echo
echo "| claims | tool | pages | median wall s | median CPU s | peak RSS MiB | pages/s | vs Hugo (wall) | copy of output s | vs copy |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in $sizes; do
  dir="$work/$n"
  [ -d "$dir" ] || $bench generate "$n" "$dir" >/dev/null
  rm -f "$work"/fd-$n.times "$work"/hugo-$n.times "$work"/copy-$n.times
  # Every run writes to a folder name never used before: on this VM's ext4 (mounted with discard), re-creating
  # thousands of files where a just-deleted tree was is up to 10x slower, whichever tool does it. Deleted at the end.
  rm -rf "$dir"/out-*; sync
  for r in $(seq "$runs"); do
    rm -rf "$dir/factdossier/.cache"; sync # a cold build: nothing kept from an earlier run
    timed "fd-$n" "$work/bin/FactDossier" --root "$dir/factdossier" --theme "$root/theme" --output "$dir/out-fd-$r"
    sync
    timed "copy-$n" cp -r "$dir/out-fd-$r" "$dir/out-copy-$r"
    if [ "$have_hugo" = 1 ]; then
      sync
      timed "hugo-$n" hugo --quiet -s "$dir/hugo" -d "$dir/out-hugo-$r"
    fi
  done
  fd_pages=$(find "$dir/out-fd-1" -name '*.html' | wc -l)
  read -r fw fc fr fp <<<"$(summary "fd-$n" "$fd_pages")"
  copy=$(cut -d' ' -f1 "$work/copy-$n.times" | median)
  if [ "$have_hugo" = 1 ]; then
    hugo_pages=$(find "$dir/out-hugo-1" -name '*.html' | wc -l)
    read -r hw hc hr hp <<<"$(summary "hugo-$n" "$hugo_pages")"
    ratio=$(awk -v a="$fw" -v b="$hw" 'BEGIN {printf "%.2f", a / b}')
    echo "| $n | Hugo $(hugo version | awk '{print $2}') | $hugo_pages | $hw | $hc | $hr | $hp | 1.00 | | |"
  else
    ratio="n/a"
  fi
  echo "| $n | FactDossier | $fd_pages | $fw | $fc | $fr | $fp | $ratio | $copy | $(awk -v a="$fw" -v b="$copy" 'BEGIN {printf "%.1f", a / b}') |"
done

# The README's command as a user types it, from a clean clone of this repository's last commit with the synthetic
# dossier as its input, paired with Hugo rebuilding over its existing public/. The first run compiles the tool: it is
# a warm-up, not counted. Cases: cold (no output/, no .cache/, no build server), nothing changed, one claim's headline
# edited (the build server the cold run started makes these two), and one claim's headline edited with
# FACTDOSSIER_BUILD_SERVER=0 (the command alone, from what .cache/ stores). After each of FactDossier's commands the
# bench waits for its build server to finish what it does after replying (warming up after the cold run), untimed but
# reported, so that it never runs beside Hugo.
readme_sizes=${README_SIZES:-$(up_to_10000)}
if [ "$readme_sizes" != 0 ] && [ -n "$readme_sizes" ]; then
  echo
  echo "| claims | README command: \`dotnet run --project src/FactDossier\` | FactDossier median wall s | peak RSS MiB | build server after it: busy s, peak RSS | Hugo median wall s | Hugo peak RSS MiB | vs Hugo |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for n in $readme_sizes; do
    dir="$work/$n"
    clone="$work/clone-$n"
    clone_with "$n" "$clone"
    rm -rf "$dir/readme-hugo"
    fd=(env -u FACTDOSSIER_BUILD_SERVER -C "$clone" dotnet run --project src/FactDossier)
    fd_alone=(env -C "$clone" FACTDOSSIER_BUILD_SERVER=0 dotnet run --project src/FactDossier)
    stop_server=(env -u FACTDOSSIER_BUILD_SERVER "$clone/src/FactDossier/bin/Release/net10.0/FactDossier" server stop --root "$clone")
    hg=(hugo --quiet -s "$dir/hugo" -d "$dir/readme-hugo")
    "${fd[@]}" >/dev/null; "${hg[@]}" >/dev/null # warm-up: the tool compiles; Hugo's caches fill
    rm -f "$work"/readme-*-$n.times "$work"/readme-*-$n.rss
    trash="$work/readme-trash-$n"; mkdir -p "$trash"
    for r in $(seq "$runs"); do
      "${stop_server[@]}" >/dev/null; sleep 1
      aside "$trash" "$clone/output" "$clone/.cache" "$dir/readme-hugo"; sync
      timed "readme-fd-cold-$n" "${fd[@]}"; settle "readme-server-cold-$n" "$clone"; sync
      [ "$have_hugo" = 1 ] && timed "readme-hugo-cold-$n" "${hg[@]}"; sync
      timed "readme-fd-same-$n" "${fd[@]}"; settle "readme-server-same-$n" "$clone"; sync
      [ "$have_hugo" = 1 ] && timed "readme-hugo-same-$n" "${hg[@]}"; sync
      edit_claim "$clone" "$dir/hugo"
      timed "readme-fd-edit-$n" "${fd[@]}"; settle "readme-server-edit-$n" "$clone"; sync
      [ "$have_hugo" = 1 ] && timed "readme-hugo-edit-$n" "${hg[@]}"; sync
      "${stop_server[@]}" >/dev/null; sleep 1
      edit_claim "$clone" "$dir/hugo"
      timed "readme-fd-alone-$n" "${fd_alone[@]}"; sync
      [ "$have_hugo" = 1 ] && timed "readme-hugo-alone-$n" "${hg[@]}"; sync
    done
    "${stop_server[@]}" >/dev/null
    for case in cold same edit alone; do
      read -r fw _ fr _ <<<"$(summary "readme-fd-$case-$n" 1)"
      label=$(case $case in cold) echo "cold: no output, no cache, no server";; same) echo "nothing changed";; edit) echo "one claim edited";;
        alone) echo "one claim edited, FACTDOSSIER_BUILD_SERVER=0";; esac)
      server="n/a"
      if [ -f "$work/readme-server-$case-$n.times" ]; then
        server="$(median < "$work/readme-server-$case-$n.times") s, $(( $(median < "$work/readme-server-$case-$n.rss") / 1024 )) MiB"
      fi
      if [ "$have_hugo" = 1 ]; then
        read -r hw _ hr _ <<<"$(summary "readme-hugo-$case-$n" 1)"
        echo "| $n | $label | $fw | $fr | $server | $hw | $hr | $(awk -v a="$fw" -v b="$hw" 'BEGIN {printf "%.2f", a / b}') |"
      else
        echo "| $n | $label | $fw | $fr | $server | | | n/a |"
      fi
    done
    rm -rf "$clone" "$dir/readme-hugo" "$trash"
  done
fi

# The Pages command (.github/workflows/pages.yml: build --strict --base-url, share images on), as CI runs it (no build
# server), from a clean clone with the synthetic dossier as input, paired with Hugo in the same run: cold (no output/,
# no .cache/), then one claim's headline edited (the cold run's output/ and .cache/ kept). Then the output's size by
# top-level folder (file bytes, as Pages counts them), the share images (count, distinct files, median size) and the
# sitemap checked against the protocol's schema with xmllint. PAGES_SIZES: default the sizes of the run up to 10000.
pages_sizes=${PAGES_SIZES:-$(up_to_10000)}
if [ "$pages_sizes" != 0 ] && [ -n "$pages_sizes" ]; then
  echo
  echo "| claims | Pages command: \`dotnet run --project src/FactDossier -- build --strict --base-url …\` | FactDossier median wall s | median CPU s | peak RSS MiB | Hugo median wall s | vs Hugo |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
  for n in $pages_sizes; do
    dir="$work/$n"
    clone="$work/pages-clone-$n"
    clone_with "$n" "$clone"
    rm -rf "$dir/pages-hugo"
    fd=(env -C "$clone" FACTDOSSIER_BUILD_SERVER=0 dotnet run --project src/FactDossier -- build --strict --base-url https://example.org/dossier/)
    hg=(hugo --quiet -s "$dir/hugo" -d "$dir/pages-hugo")
    "${fd[@]}" >/dev/null; "${hg[@]}" >/dev/null # warm-up: the tool compiles; Hugo's caches fill
    rm -f "$work"/pages-*-$n.times
    trash="$work/pages-trash-$n"; mkdir -p "$trash"
    for r in $(seq "$runs"); do
      aside "$trash" "$clone/output" "$clone/.cache" "$dir/pages-hugo"; sync
      timed "pages-fd-cold-$n" "${fd[@]}"; sync
      [ "$have_hugo" = 1 ] && timed "pages-hugo-cold-$n" "${hg[@]}"; sync
      edit_claim "$clone" "$dir/hugo"
      timed "pages-fd-edit-$n" "${fd[@]}"; sync
      [ "$have_hugo" = 1 ] && timed "pages-hugo-edit-$n" "${hg[@]}"; sync
    done
    for case in cold edit; do
      read -r fw fc fr _ <<<"$(summary "pages-fd-$case-$n" 1)"
      label=$(case $case in cold) echo "cold: no output, no cache";; edit) echo "one claim edited";; esac)
      if [ "$have_hugo" = 1 ]; then
        read -r hw _ _ _ <<<"$(summary "pages-hugo-$case-$n" 1)"
        echo "| $n | $label | $fw | $fc | $fr | $hw | $(awk -v a="$fw" -v b="$hw" 'BEGIN {printf "%.2f", a / b}') |"
      else
        echo "| $n | $label | $fw | $fc | $fr | | n/a |"
      fi
    done
    out="$clone/output"
    echo
    echo "Output of the Pages command at $n claims, by top-level folder (file bytes; list pages: home page/, tags/, people/, timeline/, sources/, verdicts/, claims/page/ and the claims index):"
    echo
    echo "| folder | MB | files |"
    echo "| --- | ---: | ---: |"
    (cd "$out" && find . -type f -printf '%s %P\n') | awk '{split($2, p, "/"); f = (p[2] == "" ? "(top-level files)" : p[1] "/"); s[f] += $1; n[f]++; t += $1; c++}
      END {for (k in s) printf "| %s | %.1f | %d |\n", k, s[k] / 1e6, n[k]; printf "| **all** | **%.1f** | **%d** |\n", t / 1e6, c}' | sort -t'|' -k3 -g -r
    lists=$( (cd "$out" && find page tags people timeline sources verdicts claims/page claims/index.html index.html -type f -printf '%s\n' 2>/dev/null) | awk '{s += $1} END {printf "%.1f", s / 1e6}')
    pngs=$(find "$out/share" -name '*.png' | wc -l)
    distinct=$(find "$out/share" -name '*.png' -exec md5sum {} + | awk '{print $1}' | sort -u | wc -l)
    median_png=$(find "$out/share" -name '*.png' -printf '%s\n' | median)
    echo
    echo "List pages: $lists MB. Share images: $pngs PNG files, $distinct distinct, median $(awk -v b="$median_png" 'BEGIN {printf "%.1f", b / 1000}') KB."
    if command -v xmllint >/dev/null; then
      for f in "$out"/sitemap*.xml; do
        schema="$root/tests/FactDossier.Tests/Fixtures/sitemap-schema/$(grep -q '<sitemapindex' "$f" && echo siteindex.xsd || echo sitemap.xsd)"
        xmllint --noout --schema "$schema" "$f" 2>&1 | tail -1
      done
    fi
    rm -rf "$clone" "$dir/pages-hugo" "$trash"
  done
fi

if [ "${PREVIEW:-1}" = 1 ]; then
  echo
  echo "| claims | preview: one edit until the rebuilt page is served, median of 10 (ms) | the rebuild itself, as preview reports it, median (ms) | pages rendered per edit |"
  echo "| ---: | ---: | ---: | ---: |"
  for n in 1000 10000; do
    dir="$work/$n"
    [ -d "$dir" ] || $bench generate "$n" "$dir" >/dev/null
    claim="$dir/factdossier/input/claims/c000000.yml"
    "$work/bin/FactDossier" preview --root "$dir/factdossier" --theme "$root/theme" --output "$dir/preview-out" --port 0 > "$work/preview.log" 2>&1 &
    pid=$!
    until grep -q "^Serving" "$work/preview.log"; do sleep 0.2; done # printed after the first build
    url=$(grep -o 'http://127.0.0.1:[0-9]*/[^ ]*' "$work/preview.log" | sed -n 1p) # not head: SIGPIPE under pipefail
    # Like an open tab: told of each build by the live-reload stream, then fetching the page; nothing polls, so the
    # rebuild has both cores (a curl every 2 ms took enough of them to slow it by a quarter at 1,000 claims).
    $bench served "$url" "$claim" 10 | tr ' ' '\n' > "$work/preview-$n.times"
    kill -TERM "$pid"; wait "$pid" || true
    built=$(grep -E '^build ([2-9]|1[01]):' "$work/preview.log" | sed -E 's/.* in ([0-9]+) ms/\1/' | median)
    rendered=$(grep -E '^build ([2-9]|1[01]):' "$work/preview.log" | tail -1 | sed -E 's/^build [0-9]+: ([0-9]+ of [0-9]+) pages.*/\1/')
    echo "| $n | $(median < "$work/preview-$n.times") | $built | $rendered |"
  done
fi
