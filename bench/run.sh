#!/usr/bin/env bash
# Runs every benchmark and prints the tables (Markdown). Usage: bash bench/run.sh [--smoke]
#   --smoke  tiny sizes, one repetition: only checks that the benchmarks still run (CI does this).
#   --only=compile,sqlite,postgresql,mariadb,writestall,history,rebuild,boot  only those parts (default: all).
#   also compile-jpa (a 160-entity JPA model; 20 in --smoke), compile-nochange (no-change builds of the 500 @Table
#   models and the JPA model against a do-nothing processor, by CPU time) and writestall-mariadb (1,000,000 rows; 10,000 in --smoke).
#   history (N = 100, 1,000, 5,000 migrations) is the long part: minutes; in --smoke it runs at N = 20.
#   history-apply: only history's apply cells (both floors, the second with a history row, and jmigrate alternated,
#   wall and CPU), never in a full run;
#   --history-sizes=100,1000 picks the sizes of both (default 100, 1,000 and 5,000).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench,bench/boot,bench/boot4,bench/flyway13 -am package -DskipTests
exec java -Xmx2g -cp "bench/target/classes:bench/target/lib/*" io.jmigrate.bench.Bench "$@"
