#!/usr/bin/env bash
# Runs the unchanged target/moim.war on a full Payara Server 6 with its built-in OpenMQ broker
# (the jmsra resource adapter) instead of the ActiveMQ adapter, and checks that the alerts and
# webhooks listeners and the dead-letter listener work there. Not part of CI: it downloads the
# Payara Server distribution (~170 MB, fish.payara.distributions:payara from Maven Central) and
# takes minutes. docs/operations.md ("On a full Payara Server") records what it showed.
#
#   mvn -B package -DskipTests && bench/payara-server-jms.sh
#
# Leaves nothing running: the domain is stopped at the end (or on failure).
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
work=${MOIM_BENCH_DIR:-$PWD/target/payara-server}
portbase=${MOIM_BENCH_PORTBASE:-31000}
admin=$((portbase + 48)); http=$((portbase + 80)); hook_port=$((portbase + 999))
war=$PWD/target/moim.war
[[ -f $war ]] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }

mvn -B -q dependency:get -Dartifact="fish.payara.distributions:payara:$version:zip" -Dtransitive=false
zip="$HOME/.m2/repository/fish/payara/distributions/payara/$version/payara-$version.zip"
rm -rf "$work" && mkdir -p "$work/data" && unzip -q "$zip" -d "$work"
asadmin="$work/payara6/bin/asadmin"

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

log=$work/payara6/glassfish/domains/moim/logs/server.log
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
