#!/usr/bin/env bash
# Runs the README's PySpark example (scripts/spark_extract.py) in Spark local
# mode on the fixture articles and checks that its output equals a plain
# `newsextract extract` run on the same JSON lines.
#
# Needs Java (17 or later for Spark 4) and pyspark. Without them the check
# is skipped (exit 0) unless --require is given.
#
# Usage: scripts/spark_pipe_check.sh [--install-pyspark] [--venv DIR] [--require] [--keep]
#   --install-pyspark  create a virtual environment (default target/pyspark-venv)
#                      and `pip install pyspark` into it
#   --venv DIR         the virtual environment to use or create
#   --require          fail (exit 1) instead of skipping when Java or pyspark is missing
#   --keep             keep the work folder (target/spark-pipe-check)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

venv=target/pyspark-venv install=0 require=0 keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --install-pyspark) install=1; shift ;;
        --venv) venv=$2; shift 2 ;;
        --require) require=1; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 1 ;;
    esac
done

skip() {
    echo "spark_pipe_check: SKIPPED: $1"
    [ "$require" = 1 ] && exit 1
    exit 0
}

if ! java -version > /dev/null 2>&1; then
    skip "no Java (install a JDK 17, e.g. apt-get install openjdk-17-jre-headless)"
fi
if [ "$install" = 1 ] && [ ! -x "$venv/bin/spark-submit" ]; then
    echo "installing pyspark into $venv ..."
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pyspark
fi
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import pyspark' 2> /dev/null; then
    python=$venv/bin/python
elif python3 -c 'import pyspark' 2> /dev/null; then
    python=$(command -v python3)
else
    skip "no pyspark (run with --install-pyspark, or pip install pyspark)"
fi
spark_home=$("$python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
spark_version=$("$python" -c 'import pyspark; print(pyspark.__version__)')
export PYSPARK_PYTHON=$python PYSPARK_DRIVER_PYTHON=$python

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
cargo build --release --features cli --quiet
bin=$CARGO_TARGET_DIR/release/newsextract

work=target/spark-pipe-check
rm -rf "$work"
mkdir -p "$work"
# The fixtures as JSON lines, plus two broken lines.
python3 - "$work/articles.jsonl" <<'EOF'
import json, sys
from pathlib import Path
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i, path in enumerate(sorted(Path("fixtures/articles").glob("*.txt"))):
        out.write(json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")}) + "\n")
        if i == 10:
            out.write('{"id": "broken-1", "text": \n')
        if i == 20:
            out.write('{"id": "broken-2", "body": "no text field"}\n')
EOF

# The plain run.
set +e
"$bin" extract --quiet "$work/articles.jsonl" > "$work/expected.jsonl" 2> "$work/expected-errors.jsonl"
code=$?
set -e
[ "$code" = 2 ] || { echo "spark_pipe_check: FAILED: plain run exited with $code, expected 2"; exit 1; }

# The Spark run: local mode, 2 cores, 4 partitions.
echo "spark_pipe_check: Spark $spark_version (pyspark at $spark_home), $(java -version 2>&1 | head -1)"
start=$(date +%s)
if ! "$spark_home/bin/spark-submit" --master 'local[2]' scripts/spark_extract.py \
    --binary "$bin" --input "$work/articles.jsonl" --output "$work/out" --partitions 4 \
    > "$work/spark.log" 2>&1; then
    tail -30 "$work/spark.log"
    echo "spark_pipe_check: FAILED: spark-submit failed (log: $work/spark.log)"
    exit 1
fi
echo "spark_pipe_check: spark-submit took $(($(date +%s) - start)) s"

cat "$work"/out/records/part-* > "$work/spark.jsonl"
cat "$work"/out/errors/part-* > "$work/spark-errors.jsonl"
fail=0
articles=$(wc -l < "$work/expected.jsonl")
records=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["records"]) for l in open(sys.argv[1])))' "$work/expected.jsonl")
if cmp -s "$work/expected.jsonl" "$work/spark.jsonl"; then
    echo "spark_pipe_check: ok: Spark output equals the plain CLI run ($articles articles, $records records, $(md5sum < "$work/spark.jsonl" | cut -c1-12))"
else
    diff <(cut -c1-200 "$work/expected.jsonl") <(cut -c1-200 "$work/spark.jsonl") | head -20
    echo "spark_pipe_check: FAILED: Spark output differs from the plain CLI run"
    fail=1
fi
# Error lines name the line within a partition's stream, so only their
# number is compared.
want=$(wc -l < "$work/expected-errors.jsonl") got=$(wc -l < "$work/spark-errors.jsonl")
if [ "$want" = "$got" ]; then
    echo "spark_pipe_check: ok: $got error lines for the $want broken input lines"
else
    echo "spark_pipe_check: FAILED: $got error lines from Spark, $want from the plain run"
    fail=1
fi
# The README shows the example in full; it must be this script.
if python3 - <<'EOF'
import sys
readme = open("README.md", encoding="utf-8").read()
sys.exit(0 if open("scripts/spark_extract.py", encoding="utf-8").read() in readme else 1)
EOF
then
    echo "spark_pipe_check: ok: README shows scripts/spark_extract.py as it is"
else
    echo "spark_pipe_check: FAILED: README's PySpark example differs from scripts/spark_extract.py"
    fail=1
fi
[ "$keep" = 1 ] || rm -rf "$work"
[ "$fail" = 0 ] && echo "spark_pipe_check: PASSED"
exit $fail
