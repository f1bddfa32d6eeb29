#!/usr/bin/env bash
# Runs the whole LeadPlatform test suite, the same way on a laptop and in CI.
#
# First it installs what the tests need when it is missing: RabbitMQ and Chromium, from Debian packages, when run
# as root with apt-get (elsewhere it says what to install). What it finds or installs becomes *required*
# (LEADPLATFORM_REQUIRE), so a test that needs it fails instead of skipping. MongoDB stays optional: set
# MONGODB_URI (or have a Docker engine) to run the MongoDB cases of the storage conformance suite.
#
# Extra arguments go to `dotnet test` (for example --filter). The last line printed is
# "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

rabbitmq_installed() { [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || command -v rabbitmq-server >/dev/null 2>&1; }
chromium_installed() { [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; }

missing=()
[ -n "${RABBITMQ_URI:-}" ] || rabbitmq_installed || missing+=(rabbitmq-server)
chromium_installed || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} from Debian packages (once)..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "warning: could not install ${missing[*]}" >&2
  else
    echo "warning: ${missing[*]} missing; install them (or set RABBITMQ_URI). Tests that need them report skipped, with the reason." >&2
  fi
fi

required=()
{ [ -n "${RABBITMQ_URI:-}" ] || rabbitmq_installed; } && required+=(rabbitmq)
chromium_installed && required+=(chromium)
if [ -z "${LEADPLATFORM_REQUIRE:-}" ]; then
  LEADPLATFORM_REQUIRE=$(IFS=,; echo "${required[*]}")
fi
export LEADPLATFORM_REQUIRE
echo "Servers required by this run: ${LEADPLATFORM_REQUIRE:-none}"

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
started=$SECONDS
# Build once, then run the test projects in two lanes side by side. `dotnet test` on the solution ran them almost one
# after another, and the longest (IntegrationTests, the browser tests) mostly wait on hosts, the broker and Chromium
# (IntegrationTests alone used 58 % of the two cores here). Lane 1 is what waits most: the integration and the
# follow-up browser tests; lane 2 is every other test project (new ones join it by themselves).
code=0
dotnet build LeadPlatform.sln -c Release -v q -nologo || code=$?
if [ "$code" -eq 0 ]; then
  projects=(tests/*Tests/*.csproj)
  lane1=() lane2=()
  for p in "${projects[@]}"; do
    case "$p" in
      */LeadPlatform.IntegrationTests/*|*/LeadPlatform.FollowUp.BrowserTests/*) lane1+=("$p") ;;
      */LeadPlatform.FollowUp.Tests/*) lane2=("$p" "${lane2[@]}") ;; # the longest of lane 2 first
      *) lane2+=("$p") ;;
    esac
  done
  # A test that hangs ends its test host after 5 minutes (the test is named in the output) instead of the whole run.
  run_lane() {
    local lane=$1 failed=0; shift
    for p in "$@"; do
      dotnet test "$p" -c Release --no-build --logger trx --results-directory "$results" \
        --blame-hang-timeout 5m --blame-hang-dump-type none "${extra[@]}" 2>&1 | sed -u "s/^/[$lane] /"
      [ "${PIPESTATUS[0]}" -eq 0 ] || failed=1
    done
    return $failed
  }
  extra=("$@")
  run_lane 1 "${lane1[@]}" & first=$!
  run_lane 2 "${lane2[@]}" & second=$!
  wait "$first" || code=1
  wait "$second" || code=1
fi

# Where the time went (the CI budget is 20 minutes; dotnet test printed each assembly's duration): the ten slowest test
# classes by the sum of their tests' durations (the tests of a class run one after the other; classes run in parallel).
# Then the failures again, where a reader of the last lines of a CI log looks: each failed test with the start of its
# message and of its stack trace (the full output is further up, in dotnet test's own report).
python3 - "$results" <<'PY' 2>/dev/null || true
import glob, html, re, sys, collections
def seconds(d):
    h, m, s = d.split(":"); return int(h) * 3600 + int(m) * 60 + float(s)
classes = collections.Counter()
failed = []
for f in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    x = open(f, encoding="utf-8").read()
    for test, d in re.findall(r'<UnitTestResult [^>]*testName="([^"(]*)[^"]*"[^>]*duration="([0-9:.]+)"', x):
        classes[test.rsplit(".", 2)[-2]] += seconds(d)
    for m in re.finditer(r'<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="(?:Failed|Error|Timeout|Aborted)"[^>]*>(.*?)</UnitTestResult>', x, re.S):
        msg = re.search(r"<Message>(.*?)</Message>", m.group(2), re.S)
        trace = re.search(r"<StackTrace>(.*?)</StackTrace>", m.group(2), re.S)
        failed.append((html.unescape(m.group(1)), html.unescape(msg.group(1)) if msg else "", html.unescape(trace.group(1)) if trace else ""))
print("Slowest test classes (seconds, summed over their tests):")
for c, s in classes.most_common(10): print(f"  {s:6.0f}  {c}")
if failed:
    print(f"Failed tests ({len(failed)}):")
    for name, msg, trace in failed:
        print(f"  {name}")
        for line in msg.strip().splitlines()[:8]: print(f"      {line[:300]}")
        for line in trace.strip().splitlines()[:6]: print(f"      {line.strip()[:300]}")
PY
echo "Build and tests took $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s."

# One line for people and CI alike, summed over every test assembly's TRX report.
totals=$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  function attr(name,   m) { if (match($0, name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 } return 0 }
  { passed += attr("passed"); failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted"); skipped += attr("total") - attr("executed") }
  END { printf "%d %d %d", passed, failed, skipped }')
read -r passed failed skipped <<<"${totals:-0 0 0}"
if [ "$code" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  echo "dotnet test exited with $code (a build error or a crashed test host): counted as one failure."
  failed=1
fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$code"
