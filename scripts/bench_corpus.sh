#!/usr/bin/env bash
# Corpus-scale benchmark and acceptance check for `newsextract extract`.
#
# Generates a synthetic JSON-lines corpus (scripts/gen_corpus.py: fixture
# articles with invented names and companies, one line in a hundred broken
# on purpose; with --real, real texts from the given folders instead, shuffled
# and repeated), runs `extract` on it with 1 thread and with all cores, and
# reports articles/s, MB/s and peak memory (GNU time's maximum resident set
# size). It then checks what a corpus-scale run must do:
#
#   - one output line per good input line, in input order;
#   - one error line per broken input line, naming its line number;
#   - exit code 2;
#   - peak memory under 200 MB;
#   - all cores at least 1.8x as fast as one (only checked with 2+ cores;
#     needs an otherwise idle machine, so the load average is reported).
#
# Usage: scripts/bench_corpus.sh [--mb SIZE] [--dir DIR] [--threads "1 2"]
#                                [--real DIR ...] [--min-speedup X] [--keep]
#   --mb SIZE      corpus size in MB (default 100; the acceptance run is 1000)
#   --dir DIR      where the corpus and outputs go (default target/bench-corpus)
#   --threads LIST thread counts to run (default "1 <number of cores>")
#   --real DIR     real texts instead of the fixtures: every *.txt file and
#                  every "notes" cell of a *.csv file under DIR is an article
#                  (repeatable; e.g. --real ../shared/dev/articles
#                  --real ../shared/dev/ceo_notes)
#   --min-speedup X  the speed-up all cores must reach (default 1.8)
#   --keep         keep the output files
# Exit status: 0 when every check passes, 1 otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mb=100
dir=target/bench-corpus
cores=$(nproc)
threads="1 $cores"
keep=0
real=()
min_speedup=1.8
while [ $# -gt 0 ]; do
    case "$1" in
        --mb) mb=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --real) real+=(--real "$(cd "$2" && pwd)"); shift 2 ;;
        --min-speedup) min_speedup=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,34p' "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 1 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time, Debian package 'time')" >&2; exit 1; }

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
cargo build --release --features cli --quiet
bin=$CARGO_TARGET_DIR/release/newsextract

mkdir -p "$dir"
kind=""
[ ${#real[@]} -eq 0 ] || kind=real-
corpus=$dir/corpus-${kind}${mb}MB.jsonl
meta=$corpus.meta.json
if [ ! -s "$meta" ] || [ ! -s "$corpus" ]; then
    echo "generating $corpus ..."
    python3 scripts/gen_corpus.py "$corpus" --mb "$mb" "${real[@]}" > "$meta"
fi
read -r lines good bad bytes prefix < <(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m["lines"], m["good"], m["bad"], m["bytes"], m.get("id_prefix", "syn"))' "$meta")
echo "corpus: $corpus: $lines lines ($good good, $bad broken), $bytes bytes"
echo "machine: $cores cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

fail=0
check() { # name, condition (0 = ok)
    if [ "$2" = 0 ]; then echo "  ok    $1"; else echo "  FAIL  $1"; fail=1; fi
}

declare -A wall
printf '%-8s %10s %12s %10s %12s %10s %8s\n' threads seconds articles/s MB/s "peak MB" "cpu s" exit
results=()
for t in $threads; do
    out=$dir/out-$t.jsonl err=$dir/err-$t.jsonl tm=$dir/time-$t.txt
    set +e
    /usr/bin/time -v -o "$tm" "$bin" extract --quiet --threads "$t" "$corpus" > "$out" 2> "$err"
    code=$?
    set -e
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$tm")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tm")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$tm")
    wall[$t]=$secs
    awk -v t="$t" -v s="$secs" -v g="$good" -v b="$bytes" -v r="$rss" -v c="$cpu" -v x="$code" \
        'BEGIN {printf "%-8s %10.1f %12.0f %10.2f %12.1f %10.1f %8s\n", t, s, g / s, b / 1e6 / s, r / 1024, c, x}'
    results+=("$t:$code:$rss")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "checks:"
first="" first_t=""
for r in "${results[@]}"; do
    IFS=: read -r t code rss <<< "$r"
    out=$dir/out-$t.jsonl err=$dir/err-$t.jsonl
    check "threads=$t: exit code 2 (got $code)" "$([ "$code" = 2 ]; echo $?)"
    check "threads=$t: peak memory $((rss / 1024)) MB < 200 MB" "$([ "$rss" -lt $((200 * 1024)) ]; echo $?)"
    # Output ids are syn-0000001 .. syn-<good> (real-... for real texts), in
    # order; errors name the broken lines 57, 157, 257, ...
    if ! python3 - "$out" "$err" "$prefix" "$good" "$bad" "$lines" <<'EOF'
import json, sys
out, err, prefix = sys.argv[1:4]
good, bad, lines = map(int, sys.argv[4:])
n = 0
with open(out, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        rec = json.loads(line)
        if rec["id"] != f"{prefix}-{n:07d}" or not isinstance(rec["records"], list):
            sys.exit(f"  FAIL  output line {n} is {rec['id']}, expected {prefix}-{n:07d}")
errors = [json.loads(l) for l in open(err, encoding="utf-8")]
expected = [i for i in range(1, lines + 1) if i % 100 == 57]
ok = n == good and [e["line"] for e in errors] == expected and len(errors) == bad
print(f"  {'ok  ' if ok else 'FAIL'}  {n} output lines for {good} good lines, in order; "
      f"{len(errors)} error lines for {bad} broken lines, at the right line numbers")
sys.exit(0 if ok else 1)
EOF
    then fail=1; fi
    if [ -z "$first" ]; then
        first=$out first_t=$t
    else
        check "threads=$t: output identical to threads=$first_t" "$(cmp -s "$first" "$out"; echo $?)"
    fi
done
set -- $threads
if [ $# -ge 2 ] && [ "$1" = 1 ] && [ "$cores" -ge 2 ]; then
    last=${!#}
    if ! awk -v a="${wall[1]}" -v b="${wall[$last]}" -v t="$last" -v m="$min_speedup" 'BEGIN {
            x = a / b
            printf "  %s  threads=%s is %.2fx as fast as threads=1 (needs >= %sx)\n", (x >= m ? "ok  " : "FAIL"), t, x, m
            exit (x >= m ? 0 : 1) }'; then
        fail=1
    fi
fi
[ "$keep" = 1 ] || rm -f "$dir"/out-*.jsonl
exit $fail
