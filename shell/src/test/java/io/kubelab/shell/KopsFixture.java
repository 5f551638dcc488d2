package io.kubelab.shell;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Test fixtures for the kOps lab: a `kops` and an `aws` that print what kops and aws-cli print for
 * each command the lab runs (as kOps's and AWS's documentation show them), sharing one folder
 * ({@code $CLOUD_FIXTURE}) as AWS: buckets are folders, a cluster's spec is a folder in its state
 * bucket, and `kops update cluster --yes` registers its nodes, with their roles and zones, on a
 * mock API server. A file {@code .five-policies} there makes the IAM group have only the book's five.
 */
final class KopsFixture {
    private KopsFixture() {
    }

    static FakeTools install(Path dir, MockCluster cluster) throws IOException {
        FakeTools tools = new FakeTools(dir);
        String common = """
                S="$CLOUD_FIXTURE"; mkdir -p "$S/buckets"
                arg() { local want="$1"; shift
                  while [ $# -gt 0 ]; do [ "$1" = "$want" ] && { echo "$2"; return; }
                    [ "${1%%%%=*}" = "$want" ] && { echo "${1#*=}"; return; }; shift; done; }
                """;
        tools.script("aws", common + """
                case "$1 $2" in
                  "--version ") echo "aws-cli/2.31.8 Python/3.13.7 Linux/6.8.0 exe/x86_64.debian.12" ;;
                  "sts get-caller-identity") echo "arn:aws:iam::123456789012:user/kops" ;;
                  "iam list-attached-group-policies")
                    if [ -e "$S/.five-policies" ]; then
                      printf 'AmazonEC2FullAccess\\tAmazonRoute53FullAccess\\tAmazonS3FullAccess\\tIAMFullAccess\\tAmazonVPCFullAccess\\n'
                    else
                      printf 'AmazonEC2FullAccess\\tAmazonRoute53FullAccess\\tAmazonS3FullAccess\\tIAMFullAccess\\tAmazonVPCFullAccess\\tAmazonSQSFullAccess\\tAmazonEventBridgeFullAccess\\n'
                    fi ;;
                  "s3 mb") b=${3#s3://}; mkdir "$S/buckets/$b" && echo "make_bucket: $b" ;;
                  "s3 rb") b=${3#s3://}; [ -d "$S/buckets/$b" ] || { echo "remove_bucket failed: s3://$b An error occurred (NoSuchBucket) when calling the DeleteBucket operation: The specified bucket does not exist" >&2; exit 1; }
                    rm -rf "$S/buckets/$b"; echo "remove_bucket: $b" ;;
                  "s3api head-bucket") [ -d "$S/buckets/$(arg --bucket "$@")" ] || { echo "An error occurred (404) when calling the HeadBucket operation: Not Found" >&2; exit 254; } ;;
                  "s3api put-bucket-versioning") touch "$S/buckets/$(arg --bucket "$@")/.versioned" ;;
                  "s3api get-bucket-versioning") [ -e "$S/buckets/$(arg --bucket "$@")/.versioned" ] && echo Enabled || echo None ;;
                  "s3api put-bucket-tagging"|"s3api put-public-access-block"|"s3api put-bucket-ownership-controls"|"s3api put-bucket-acl")
                    [ -d "$S/buckets/$(arg --bucket "$@")" ] || { echo "An error occurred (NoSuchBucket) when calling the $2 operation: The specified bucket does not exist" >&2; exit 254; } ;;
                  "s3api list-object-versions") echo '{"Objects": []}' ;;
                  "s3api delete-objects") echo "An error occurred (MalformedXML) when calling the DeleteObjects operation: The XML you provided was not well-formed" >&2; exit 254 ;;
                  *) echo "aws fixture: unsupported: $*" >&2; exit 64 ;;
                esac""");
        tools.script("kops", common + """
                API=%s
                name=$(arg --name "$@"); state=$(arg --state "$@"); spec="$S/buckets/${state#s3://}/$name"
                node() { # $1 name, $2 zone, $3 control-plane or ""
                  local role=""; [ -n "$3" ] && role=',"node-role.kubernetes.io/control-plane":""'
                  curl -sf -X POST -H 'Content-Type: application/json' "$API/api/v1/nodes" -d '{"apiVersion":"v1","kind":"Node",
                    "metadata":{"name":"'"$1"'","labels":{"topology.kubernetes.io/zone":"'"$2"'"'"$role"'}},
                    "status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"kubelet is posting ready status"}],
                    "nodeInfo":{"kubeletVersion":"v1.34.2"}}}' >/dev/null
                }
                case "$1 $2" in
                  "version --short") echo 1.34.1 ;;
                  "version ") echo "Client version: 1.34.1 (git-v1.34.1)" ;;
                  "create cluster")
                    if [[ " $* " == *" --help "* ]]; then
                      echo "Create a Kubernetes cluster using command line flags."
                      echo "      --cloud string                   Cloud provider to use - aws, digitalocean, gce, hetzner, openstack, scaleway"
                      echo "      --control-plane-zones strings    Zones in which to run control-plane nodes. (must be an odd number)"
                      exit 0; fi
                    [ -d "$S/buckets/${state#s3://}" ] || { echo "Error: error reading cluster configuration: NoSuchBucket: The specified bucket does not exist" >&2; exit 1; }
                    if [[ " $* " == *" --dry-run "* ]]; then
                      printf 'apiVersion: kops.k8s.io/v1alpha2\\nkind: Cluster\\nmetadata:\\n  name: %%s\\nspec:\\n  cloudLabels:\\n    created-by: kubelab\\n  kubernetesVersion: 1.34.2\\n' "$name"
                      exit 0; fi
                    [ -e "$spec" ] && { echo "Error: cluster \\"$name\\" already exists; use 'kops update cluster' to apply changes" >&2; exit 1; }
                    mkdir -p "$spec"; arg --control-plane-zones "$@" > "$spec/control-plane-zones"; arg --zones "$@" > "$spec/zones"
                    echo "Cluster configuration has been created."
                    echo "Finally configure your cluster with: kops update cluster --name $name --yes --admin" ;;
                  "get cluster")
                    [ -d "$spec" ] || { echo "Error: cluster not found \\"$name\\"" >&2; exit 1; }
                    printf 'NAME\\tCLOUD\\tZONES\\n%%s\\taws\\t%%s\\n' "$name" "$(cat "$spec/zones")" ;;
                  "update cluster")
                    [ -d "$spec" ] || { echo "Error: cluster not found \\"$name\\"" >&2; exit 1; }
                    if [[ " $* " != *" --yes "* ]]; then
                      echo "Will create resources:"
                      for z in $(tr , ' ' < "$spec/control-plane-zones"); do echo "  AutoscalingGroup/control-plane-$z.masters.$name"; done
                      echo "  AutoscalingGroup/nodes.$name"; echo "Must specify --yes to apply changes"; exit 0; fi
                    touch "$spec/.applied"
                    i=0; for z in $(tr , ' ' < "$spec/control-plane-zones"); do i=$((i+1)); node "i-0cp$i" "$z" control-plane; done
                    node i-0node1 "$(cut -d, -f1 < "$spec/zones")" ""; node i-0node2 "$(cut -d, -f2 < "$spec/zones")" ""
                    k=${KUBECONFIG:-$HOME/.kube/config}; mkdir -p "$(dirname "$k")"
                    printf 'apiVersion: v1\\nkind: Config\\nclusters:\\n- name: %%s\\n  cluster: {server: "%%s"}\\ncontexts:\\n- name: %%s\\n  context: {cluster: %%s, user: %%s}\\ncurrent-context: %%s\\nusers:\\n- name: %%s\\n  user: {token: fixture}\\n' "$name" "$API" "$name" "$name" "$name" "$name" "$name" > "$k"
                    echo "kOps has set your kubectl context to $name"; echo; echo "Cluster changes have been applied to the cloud." ;;
                  "validate cluster")
                    [ -e "$spec/.applied" ] || { echo "Error: validation failed: cluster not yet healthy" >&2; exit 2; }
                    echo "Validating cluster $name"; echo; echo "Your cluster $name is ready" ;;
                  "delete cluster")
                    [ -d "$spec" ] || { echo "Error: cluster not found \\"$name\\"" >&2; exit 1; }
                    for n in i-0cp1 i-0cp2 i-0cp3 i-0node1 i-0node2; do curl -sf -X DELETE "$API/api/v1/nodes/$n" >/dev/null; done
                    rm -rf "$spec"; echo "Deleted cluster: \\"$name\\"" ;;
                  *) echo "kops fixture: unsupported: $*" >&2; exit 64 ;;
                esac""".formatted(cluster.url()));
        return tools;
    }
}
