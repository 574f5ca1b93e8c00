#!/usr/bin/env bash
# Runs a command (the unit tests, in `npm test`) with the real-WordPress e2e suite beside it: that
# suite mostly waits on one PHP worker, so on two cores the pair takes little longer than the
# slower of the two (the run printed in sequence took 2.6 + 3.3 min of a CI run). Its output is
# printed after the command's, whole; either failing fails the pair.
set -uo pipefail
cd "$(dirname "$0")/../.."
log=$(mktemp)
npm run --silent test:e2e:wordpress >"$log" 2>&1 &
wordpress=$!
"$@"
status=$?
wait "$wordpress"
wordpress_status=$?
echo "── real-WordPress e2e suite (ran beside: $*) ──"
cat "$log"
rm -f "$log"
[ "$status" -eq 0 ] && [ "$wordpress_status" -eq 0 ]
