#!/usr/bin/env bash
# Runs every benchmark and prints the tables (Markdown). Usage: bash bench/run.sh [--smoke]
#   --smoke  tiny sizes, one repetition: only checks that the benchmarks still run (CI does this).
#   --only=compile,sqlite,postgresql,mariadb,writestall,rebuild  only those parts (default: all).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
exec java -Xmx2g -cp "bench/target/classes:bench/target/lib/*" io.jmigrate.bench.Bench "$@"
