#!/usr/bin/env bash
# Runs the unchanged target/moim.war on a full Payara Server (the version of the pom's
# payara.version) with its built-in OpenMQ broker (the jmsra resource adapter) instead of the
# ActiveMQ adapter, and checks that the alerts and webhooks listeners and the dead-letter listener
# work there. It downloads the Payara Server distribution (~170 MB,
# fish.payara.distributions:payara from Maven Central) and takes minutes. docs/operations.md ("On
# a full Payara Server") records what it showed.
#
#   mvn -B package -DskipTests && bench/payara-server-jms.sh
#   BENCH_SMOKE=1 bench/payara-server-jms.sh     # smoke: the same steps; at most 600 s
#
# Leaves nothing running: the domain is stopped at the end (or on failure). asadmin and the
# domain run on the JDK bin/runtime.sh finds. Payara Micro's options (MOIM_PAYARA_ARGS) do not
# apply: this is a full Payara Server, and its OpenMQ replaces the ActiveMQ adapter those options
# deploy. BENCH_SMOKE=1 (docs/performance.md) runs the same steps under `timeout`
# (BENCH_SMOKE_TIMEOUT seconds) and exits non-zero on any failure, except that it prints
# "skipped: ..." and exits 0 when the Payara Server distribution cannot be downloaded (Maven
# Central has no 7.x Payara Server distribution as of 2026-12-07; Payara Micro 7 is there).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${BENCH_SMOKE:-0} != 0 ]] && smoke=1 || smoke=
if [[ -n $smoke && -z ${BENCH_SMOKE_BOUNDED:-} ]]; then
  limit=${BENCH_SMOKE_TIMEOUT:-600}
  left=$(( ${BENCH_SMOKE_DEADLINE:-0} - $(date +%s) ))   # bench/smoke.sh's budget
  (( ${BENCH_SMOKE_DEADLINE:-0} == 0 || left >= limit )) || limit=$(( left > 1 ? left : 1 ))
  rc=0; BENCH_SMOKE_BOUNDED=1 timeout -k 15 "$limit" "$0" "$@" || rc=$?
  (( rc != 124 )) || echo "payara-server-jms smoke: gave up after $limit s" >&2
  exit "$rc"
fi
source bin/runtime.sh
moim_use_jdk

version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
work=${MOIM_BENCH_DIR:-$PWD/target/payara-server}
portbase=${MOIM_BENCH_PORTBASE:-31000}
admin=$((portbase + 48)); http=$((portbase + 80)); hook_port=$((portbase + 999))
war=$PWD/target/moim.war
[[ -f $war ]] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }

artifact=fish.payara.distributions:payara:$version:zip
if ! got=$(mvn -B -q -U dependency:get -Dartifact="$artifact" -Dtransitive=false 2>&1); then
  reason=$(grep -m1 -o "Could not find artifact.*\|was not found in.*\|Could not transfer.*" <<< "$got" | sed "s/ -> \[Help 1\]//" || true)
  if [[ -n $smoke ]]; then
    echo "skipped: the Payara Server distribution $artifact cannot be downloaded (${reason:-see mvn dependency:get})"
    exit 0
  fi
  echo "$got" >&2
  echo "the Payara Server distribution $artifact cannot be downloaded" >&2
  exit 1
fi
zip="$HOME/.m2/repository/fish/payara/distributions/payara/$version/payara-$version.zip"
rm -rf "$work" && mkdir -p "$work/data" && unzip -q "$zip" -d "$work"
asadmin=$(echo "$work"/payara*/bin/asadmin)   # payara6/ or payara7/, by the version
[[ -x $asadmin ]] || { echo "no bin/asadmin in $zip" >&2; exit 1; }

# The same WAR, told by configuration (environment variables) to bind its message-driven beans
# to jmsra and to read OpenMQ's dead-message queue. Mail goes to a closed port, so the test mail
# fails and must end DEAD through the dead-letter path.
export MOIM_DATA_DIR=$work/data \
       MOIM_JMS_RESOURCE_ADAPTER=jmsra \
       MOIM_JMS_DEAD_LETTER_QUEUE=mq.sys.dmq \
       MOIM_MAIL_ENABLED=true MOIM_MAIL_HOST=127.0.0.1 MOIM_MAIL_PORT=9 \
       MOIM_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true

"$asadmin" create-domain --nopassword=true --portbase "$portbase" moim
"$asadmin" start-domain moim
receiver_pid=
cleanup() {
  "$asadmin" stop-domain moim >/dev/null 2>&1 || true
  [[ -n $receiver_pid ]] && kill "$receiver_pid" 2>/dev/null || true
}
trap cleanup EXIT
"$asadmin" --port "$admin" create-jvm-options -Duser.timezone=UTC
# The connection factory the WAR looks up, here a pool of the built-in broker's adapter (XA).
"$asadmin" --port "$admin" create-jms-resource --restype jakarta.jms.ConnectionFactory jms/moim/ConnectionFactory
"$asadmin" stop-domain moim && "$asadmin" start-domain moim
"$asadmin" --port "$admin" deploy --name moim --contextroot / "$war"

log=${asadmin%/bin/asadmin}/glassfish/domains/moim/logs/server.log
echo "== the listeners' activation specs (OpenMQ's, not ActiveMQ's):"
grep -a -o "com.sun.messaging.jms.ra.ActivationSpec" "$log" | sort | uniq -c

base=http://127.0.0.1:$http
email="bench-$RANDOM@example.com"
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
curl -fsS -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"correct horse battery\",\"displayName\":\"Bench\"}" "$base/api/v1/auth/register" >/dev/null
token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"correct horse battery\"}" \
  "$base/api/v1/auth/login" | json '["accessToken"]')
auth=(-H "Authorization: Bearer $token")

echo "== test mail to a closed SMTP port: retried by OpenMQ, dead-lettered to mq.sys.dmq, job DEAD"
job=$(curl -fsS -X POST "${auth[@]}" "$base/api/v1/me/test-mail" | json '["jobId"]')
for _ in $(seq 120); do
  status=$(curl -fsS "${auth[@]}" "$base/api/v1/jobs/$job" | json '["status"]')
  [[ $status == DEAD || $status == SUCCEEDED ]] && break
  sleep 1
done
curl -fsS "${auth[@]}" "$base/api/v1/jobs/$job"; echo
[[ $status == DEAD ]]

echo "== a webhook test event through moim.webhooks to a local receiver: SUCCEEDED"
python3 - "$hook_port" <<'PY' &
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        self.send_response(200); self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
PY
receiver_pid=$!
workspace=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d '{"name":"Bench"}' "$base/api/v1/workspaces" | json '["id"]')
hook=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$hook_port/hook\",\"events\":[\"*\"]}" "$base/api/v1/workspaces/$workspace/webhooks" | json '["id"]')
delivery=$(curl -fsS -X POST "${auth[@]}" "$base/api/v1/workspaces/$workspace/webhooks/$hook/test" | json '["id"]')
for _ in $(seq 60); do
  status=$(curl -fsS "${auth[@]}" "$base/api/v1/workspaces/$workspace/webhooks/$hook/deliveries/$delivery" | json '["status"]')
  [[ $status == SUCCEEDED || $status == DEAD ]] && break
  sleep 1
done
echo "delivery $delivery: $status"
[[ $status == SUCCEEDED ]]
echo "OK: the same WAR ran its queues on Payara Server's OpenMQ"
