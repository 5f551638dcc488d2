package io.kubelab.shell;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Test fixtures for the EKS lab: an `eksctl` that prints what eksctl prints (its log lines, its
 * `get cluster` table, its errors, as in eksctl's documentation and issues), keeps its clusters as
 * files under {@code $EKSCTL_FIXTURE} and registers the node group's nodes, with zone labels, on a
 * mock API server; and an `aws` for the login check. A file {@code .halfway} there makes a create
 * fail after the cluster stack exists and before the node group does, as a quota error would.
 */
final class EksctlFixture {
    private EksctlFixture() {
    }

    static FakeTools install(Path dir, MockCluster cluster) throws IOException {
        FakeTools tools = new FakeTools(dir);
        tools.script("aws", """
                case "$1 $2" in
                  "--version ") echo "aws-cli/2.31.8 Python/3.13.7 Linux/6.8.0 exe/x86_64.debian.12" ;;
                  "sts get-caller-identity") echo "arn:aws:iam::123456789012:user/learner" ;;
                  "eks describe-cluster-versions")
                    printf -- '-------------------------------\\n|   DescribeClusterVersions   |\\n+-------+---------------------+\\n|  1.34 |  STANDARD_SUPPORT   |\\n|  1.33 |  STANDARD_SUPPORT   |\\n|  1.30 |  EXTENDED_SUPPORT   |\\n+-------+---------------------+\\n' ;;
                  *) echo "aws fixture: unsupported: $*" >&2; exit 64 ;;
                esac""");
        tools.script("eksctl", """
                API=%s
                S="$EKSCTL_FIXTURE"; mkdir -p "$S/clusters"
                log() { echo "$(date -u '+%%Y-%%m-%%d %%H:%%M:%%S') [$1]  $2"; }
                arg() { local want="$1"; shift
                  while [ $# -gt 0 ]; do [ "$1" = "$want" ] && { echo "$2"; return; }
                    [ "${1%%%%=*}" = "$want" ] && { echo "${1#*=}"; return; }; shift; done; }
                kubeconfig() { # $1 cluster, $2 region, $3 file
                  mkdir -p "$(dirname "$3")"
                  cat > "$3" <<EOF2
                apiVersion: v1
                kind: Config
                clusters:
                - name: $1.$2.eksctl.io
                  cluster: {server: "$API"}
                contexts:
                - name: learner@$1.$2.eksctl.io
                  context: {cluster: $1.$2.eksctl.io, user: learner@$1.$2.eksctl.io}
                current-context: learner@$1.$2.eksctl.io
                users:
                - name: learner@$1.$2.eksctl.io
                  user: {token: fixture}
                EOF2
                  log ✔ "saved kubeconfig as \\"$3\\""
                }
                node() { # $1 name, $2 zone
                  curl -sf -X POST -H 'Content-Type: application/json' "$API/api/v1/nodes" -d '{"apiVersion":"v1","kind":"Node",
                    "metadata":{"name":"'"$1"'","labels":{"topology.kubernetes.io/zone":"'"$2"'","eks.amazonaws.com/nodegroup":"ng-1"}},
                    "status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"kubelet is posting ready status"}],
                    "nodeInfo":{"kubeletVersion":"v1.33.5-eks-113cf36"}}}' >/dev/null
                }
                case "$1 $2" in
                  "version ") echo 0.215.0 ;;
                  "create cluster")
                    file=$(arg -f "$@"); name=$(awk '/^  name:/{print $2; exit}' "$file"); region=$(awk '/^  region:/{print $2; exit}' "$file")
                    log ℹ "eksctl version 0.215.0"
                    log ℹ "using region $region"
                    log ℹ "setting availability zones to [${region}a ${region}b ${region}c]"
                    if [[ " $* " == *" --dry-run "* ]]; then
                      sed 's/^/  /' "$file" | head -20; echo "availabilityZones: [${region}a, ${region}b, ${region}c]"; exit 0; fi
                    log ℹ "building cluster stack \\"eksctl-$name-cluster\\""
                    echo "$region" > "$S/clusters/$name"
                    log ℹ "deploying stack \\"eksctl-$name-cluster\\""
                    if [ -e "$S/.halfway" ]; then
                      log ✖ "unexpected status \\"ROLLBACK_IN_PROGRESS\\" while waiting for CloudFormation stack \\"eksctl-$name-nodegroup-ng-1\\""
                      log ℹ "to cleanup resources, run 'eksctl delete cluster --region=$region --name=$name'"
                      log ✖ "ResourceNotReady: failed waiting for successful resource state"
                      echo "Error: failed to create cluster \\"$name\\"" >&2; exit 1; fi
                    if grep -q 'managedNodeGroups' "$file"; then node "ip-192-168-12-34.$region.compute.internal" "${region}a"
                      node "ip-192-168-56-78.$region.compute.internal" "${region}b"; fi
                    kubeconfig "$name" "$region" "${KUBECONFIG:-$HOME/.kube/config}"
                    log ✔ "all EKS cluster resources for \\"$name\\" have been created"
                    log ✔ "EKS cluster \\"$name\\" in \\"$region\\" region is ready" ;;
                  "get cluster")
                    name=$(arg --name "$@"); region=$(arg --region "$@")
                    if [ ! -e "$S/clusters/$name" ] || [ "$(cat "$S/clusters/$name")" != "$region" ]; then
                      echo "Error: unable to describe cluster control plane: operation error EKS: DescribeCluster, https response error StatusCode: 404, RequestID: 2f1c4e0a-7d1b-4a51-9d55-0c6a3b1e9f21, ResourceNotFoundException: No cluster found for name: $name." >&2
                      exit 1; fi
                    printf 'NAME\\tVERSION\\tSTATUS\\tCREATED\\t\\t\\tVPC\\t\\t\\tSUBNETS\\t\\tSECURITYGROUPS\\tPROVIDER\\n'
                    printf '%%s\\t1.33\\tACTIVE\\t2026-12-07T10:05:00Z\\tvpc-0a1b2c3d\\tsubnet-0a1,subnet-0b2\\tsg-0c3d\\tEKS\\n' "$name" ;;
                  "delete cluster")
                    name=$(arg --name "$@"); region=$(arg --region "$@")
                    log ℹ "deleting EKS cluster \\"$name\\""
                    for n in $(curl -sf "$API/api/v1/nodes" | grep -o "ip-[0-9-]*\\.$region\\.compute\\.internal" | sort -u); do
                      curl -sf -X DELETE "$API/api/v1/nodes/$n" >/dev/null; done
                    rm -f "$S/clusters/$name"
                    log ✔ "all cluster resources were deleted" ;;
                  "utils write-kubeconfig")
                    name=$(arg --cluster "$@"); region=$(arg --region "$@")
                    [ -e "$S/clusters/$name" ] || { echo "Error: cannot perform Kubernetes API operations on cluster \\"$name\\" in \\"$region\\" region due to status \\"\\"" >&2; exit 1; }
                    k=$(arg --kubeconfig "$@"); kubeconfig "$name" "$region" "${k:-${KUBECONFIG:-$HOME/.kube/config}}" ;;
                  *) echo "eksctl fixture: unsupported: $*" >&2; exit 64 ;;
                esac""".formatted(cluster.url()));
        return tools;
    }
}
