"""Extract leadership changes from a JSON-lines dataset with Spark.

Ships the newsextract binary to the executors and pipes every partition
through it with RDD.pipe: one JSON line in, one JSON line out.

    spark-submit scripts/spark_extract.py --binary target/release/newsextract \
        --input 'hdfs:///news/2024/*.jsonl.gz' --output hdfs:///news-changes

Writes OUTPUT/records (one {"id", "records"} line per good article) and
OUTPUT/errors (one {"error", "line", "source"} line per bad input line).
"""

import argparse
import os
import shlex

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True, help="the newsextract binary (Linux, built on or for the executors)")
    ap.add_argument("--input", required=True, help="JSON lines, plain or .gz; globs allowed")
    ap.add_argument("--output", required=True)
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--id-field", default="id")
    args = ap.parse_args()

    spark = SparkSession.builder.appName("newsextract").getOrCreate()
    sc = spark.sparkContext
    sc.addFile(args.binary)  # copied to every executor, made executable
    name = os.path.basename(args.binary)
    # Executors find shipped files in their working directory; in local
    # mode they share the driver's folder for them.
    exe = SparkFiles.get(name) if sc.master.startswith("local") else "./" + name
    command = [
        exe, "extract",
        "--threads", "1",       # Spark already runs one task per core
        "--quiet",
        "--inline-errors",      # a bad line gives an error line: 1 in, 1 out
        "--exit-zero",          # ... and does not fail the task
        "--text-field", args.text_field,
        "--id-field", args.id_field,
    ]

    lines = sc.textFile(args.input, minPartitions=args.partitions)
    out = lines.pipe(shlex.join(command), checkCode=True).cache()
    # Error lines start with {"error": (their keys are sorted).
    out.filter(lambda l: not l.startswith('{"error":')).saveAsTextFile(args.output + "/records")
    out.filter(lambda l: l.startswith('{"error":')).saveAsTextFile(args.output + "/errors")
    spark.stop()


if __name__ == "__main__":
    main()
