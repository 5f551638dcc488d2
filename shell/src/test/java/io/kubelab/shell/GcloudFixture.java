package io.kubelab.shell;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A test fixture standing in for gcloud's success paths (the real gcloud, which parses the same
 * commands offline, is in GkeLabOnRealGcloudTest): it prints what the Google Cloud CLI prints for
 * each command the GKE lab runs, keeps its clusters as files under {@code $GCLOUD_FIXTURE}, and
 * registers a cluster's nodes, with their zone labels, on a mock API server — as GKE's nodes
 * register themselves. A file {@code .slow} there makes a create stop halfway (the cluster
 * exists, the command has not returned) so a test can kill lab then.
 */
final class GcloudFixture {
    private GcloudFixture() {
    }

    static FakeTools install(Path dir, MockCluster cluster) throws IOException {
        FakeTools tools = new FakeTools(dir);
        tools.script("gcloud", """
                API=%s
                S="$GCLOUD_FIXTURE"; mkdir -p "$S/clusters"
                KCFG="${KUBECONFIG:-$HOME/.kube/config}"
                arg() { # the value of an option, given as --opt VALUE or --opt=VALUE
                  local want="$1"; shift
                  while [ $# -gt 0 ]; do
                    [ "$1" = "$want" ] && { echo "$2"; return; }
                    [ "${1%%%%=*}" = "$want" ] && { echo "${1#*=}"; return; }
                    shift
                  done; }
                kubeconfig() { # $1 name, $2 project, $3 location: what get-credentials writes
                  mkdir -p "$(dirname "$KCFG")"
                  cat > "$KCFG" <<EOF2
                apiVersion: v1
                kind: Config
                clusters:
                - name: gke_$2_$3_$1
                  cluster: {server: "$API"}
                contexts:
                - name: gke_$2_$3_$1
                  context: {cluster: gke_$2_$3_$1, user: gke_$2_$3_$1}
                current-context: gke_$2_$3_$1
                users:
                - name: gke_$2_$3_$1
                  user: {token: fixture}
                EOF2
                  echo "kubeconfig entry generated for $1." >&2
                }
                node() { # $1 name, $2 zone
                  curl -sf -X POST -H 'Content-Type: application/json' "$API/api/v1/nodes" -d '{"apiVersion":"v1","kind":"Node",
                    "metadata":{"name":"'"$1"'","labels":{"topology.kubernetes.io/zone":"'"$2"'","cloud.google.com/gke-nodepool":"default-pool"}},
                    "status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"kubelet is posting ready status"}],
                    "nodeInfo":{"kubeletVersion":"v1.33.5-gke.1308000"}}}' >/dev/null
                }
                notfound() {
                  echo "ERROR: (gcloud.container.clusters.$1) ResponseError: code=404, message=Not found: projects/$2/locations/$3/clusters/$4." >&2
                  exit 1
                }
                case "$1 $2 $3" in
                  "version  "*|"version "*) echo "Google Cloud SDK 528.0.0"; echo "core 2025.06.20" ;;
                  "auth list "*) echo learner@example.com ;;
                  "config get-value "*) echo kubelab-class-1 ;;
                  "services enable "*) touch "$S/api-enabled"; echo "Operation \\"operations/acf.p2-1234\\" finished successfully." >&2 ;;
                  "services list "*) [ -e "$S/api-enabled" ] && echo container.googleapis.com ;;
                  "container clusters create"|"container clusters create-auto")
                    name=$4; p=$(arg --project "$@"); loc=$(arg --location "$@")
                    echo "Creating cluster $name in $loc..." >&2
                    if [ "$3" = create-auto ]; then zones="$loc-a $loc-b"
                    elif [ -n "$(arg --node-locations "$@")" ]; then zones=$(arg --node-locations "$@" | tr , ' ')
                    elif [[ "$loc" =~ -[a-z]$ ]]; then zones=$loc
                    else zones="$loc-a $loc-b $loc-c"; fi
                    echo "$loc" > "$S/clusters/$name"
                    i=0; for z in $zones; do i=$((i+1)); node "gke-$name-default-pool-$i" "$z"; done
                    [ -e "$S/.slow" ] && sleep 120
                    echo "Created [https://container.googleapis.com/v1/projects/$p/zones/$loc/clusters/$name]." >&2
                    kubeconfig "$name" "$p" "$loc"
                    echo "NAME     LOCATION       MASTER_VERSION      MASTER_IP     MACHINE_TYPE  NODE_VERSION        NUM_NODES  STATUS"
                    echo "$name  $loc  1.33.5-gke.1308000  34.123.45.67  e2-medium     1.33.5-gke.1308000  $i          RUNNING" ;;
                  "container clusters describe")
                    name=$4; loc=$(arg --location "$@")
                    [ -e "$S/clusters/$name" ] && [ "$(cat "$S/clusters/$name")" = "$loc" ] || notfound describe "$(arg --project "$@")" "$loc" "$name"
                    echo RUNNING ;;
                  "container clusters list")
                    filter=$(arg --filter "$@"); name=${filter#name=}; format=$(arg --format "$@")
                    [ -e "$S/clusters/$name" ] || exit 0
                    case "$format" in
                      "value(location)") cat "$S/clusters/$name" ;;
                      "value(status)") echo RUNNING ;;
                      *) echo "$name" ;;
                    esac ;;
                  "container clusters get-credentials")
                    name=$4; loc=$(arg --location "$@")
                    [ -e "$S/clusters/$name" ] || notfound get "$(arg --project "$@")" "$loc" "$name"
                    echo "Fetching cluster endpoint and auth data." >&2
                    kubeconfig "$name" "$(arg --project "$@")" "$loc" ;;
                  "container clusters delete")
                    name=$4; loc=$(arg --location "$@")
                    [ -e "$S/clusters/$name" ] || notfound delete "$(arg --project "$@")" "$loc" "$name"
                    echo "Deleting cluster $name...done." >&2
                    for n in $(curl -sf "$API/api/v1/nodes" | grep -o "gke-$name-default-pool-[0-9]*" | sort -u); do
                      curl -sf -X DELETE "$API/api/v1/nodes/$n" >/dev/null; done
                    rm -f "$S/clusters/$name"
                    echo "Deleted [https://container.googleapis.com/v1/projects/$(arg --project "$@")/zones/$loc/clusters/$name]." >&2 ;;
                  "container get-server-config "*)
                    echo "Fetching server config for $(arg --location "$@")" >&2
                    printf 'channels:\\n- channel: REGULAR\\n  defaultVersion: 1.33.5-gke.1308000\\n  validVersions:\\n  - 1.34.1-gke.1829001\\n  - 1.33.5-gke.1308000\\n' ;;
                  *) echo "gcloud fixture: unsupported: $*" >&2; exit 64 ;;
                esac""".formatted(cluster.url()));
        return tools;
    }
}
