#!/bin/bash
# Drives two variants alternately with wrk, several rounds, and prints requests per second,
# p50 and p99 of each run, then the ratio of the second variant to the first per round and
# over all rounds. Each run is bounded in time (SECONDS) and in requests (MAX per thread).
#
# Usage: rounds.sh ROUNDS SECONDS MAX LABEL1 URL1 HEADER1 LABEL2 URL2 HEADER2
#   HEADER is "" or "name: value"; bounded.lua adds "userId: user-1" to every request.
# Example (gateway, see docs/performance.md):
#   rounds.sh 6 10 400000 without http://127.0.0.1:P2/x "" with http://127.0.0.1:P1/x ""
set -e
rounds=$1; seconds=$2; max=$3
labels=("$4" "$7"); urls=("$5" "$8"); headers=("$6" "$9")
script="$(dirname "$0")/bounded.lua"
echo "load before: $(cat /proc/loadavg)"
for i in 0 1; do
	wrk -t1 -c16 -d"${seconds}s" -s "$script" "${urls[$i]}" "$max" "${headers[$i]}" > /dev/null
done
results=()
for round in $(seq 1 "$rounds"); do
	for i in 0 1; do
		out=$(wrk -t1 -c16 -d"${seconds}s" --latency -s "$script" "${urls[$i]}" "$max" "${headers[$i]}")
		rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
		p50=$(echo "$out" | awk '$1=="50%" {print $2}')
		p99=$(echo "$out" | awk '$1=="99%" {print $2}')
		requests=$(echo "$out" | awk '/requests in/ {print $1}')
		errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" | tr '\n' ' ' || true)
		echo "round $round ${labels[$i]} rps=$rps p50=$p50 p99=$p99 requests=$requests $errors"
		results+=("$rps")
	done
done
echo "load after: $(cat /proc/loadavg)"
printf '%s\n' "${results[@]}" | awk -v a="${labels[0]}" -v b="${labels[1]}" '
	NR % 2 == 1 { first = $1; sum1 += $1 }
	NR % 2 == 0 { sum2 += $1; ratio[++n] = $1 / first; printf "round %d %s/%s %.3f\n", n, b, a, $1 / first }
	END { printf "all rounds %s/%s %.3f\n", b, a, sum2 / sum1 }'
