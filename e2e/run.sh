#!/usr/bin/env bash
# The end-to-end suite: real OpenSSH nodes in network namespaces, then the tests tagged e2e.
# Needs root. The nodes are torn down afterwards whatever happens: no namespace, link or
# process is left behind, also when a test fails or the run is interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."
export KUBELAB_E2E="${KUBELAB_E2E:-/var/lib/kubelab-e2e}"
nodes=e2e/nodes.sh

cleanup() {
  "$nodes" down || true
  left=$( (ip netns list 2>/dev/null | grep '^kl-node'; ip -o link show 2>/dev/null | grep -E 'klbr0|kl-veth|kubelab0|vb-node'; \
          pgrep -af "$KUBELAB_E2E/node"; pgrep -a systemd-nspawn | grep "$KUBELAB_E2E"; grep "$KUBELAB_E2E" /proc/mounts; \
          awk -v state="upperdir=$KUBELAB_E2E" '$5 == "/" && index($0, state) { print "a machine still runs: pid " \
              substr(FILENAME, 7, index(substr(FILENAME, 7), "/") - 1); nextfile }' /proc/[0-9]*/mountinfo 2>/dev/null ) || true)
  if [ -n "$left" ]; then
    echo "e2e: left behind after teardown:" >&2
    echo "$left" >&2
    exit 1
  fi
  echo "e2e: nodes torn down, nothing left behind"
}
trap cleanup EXIT INT TERM

# Network-namespace nodes for the kubeadm and SSH tests; the practice-machine test (MachinesEndToEndTest)
# boots its own nspawn machines, with the Debian root tree kept under $KUBELAB_E2E (built once, ~20 s).
# The nodes' kubeadm, kubectl, systemctl, crictl and kubelet are test fixtures (see their README).
# The hard way's etcd, containerd, runc and CNI plugins on the machines are Debian's (the pinned
# releases cannot be downloaded here): their packages, fetched once and kept under $KUBELAB_E2E.
debs="$KUBELAB_E2E/debs"
wanted="etcd-server etcd-client containerd runc containernetworking-plugins"
missing=""
for p in $wanted; do ls "$debs/${p}"_*.deb >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  apt-cache show containerd >/dev/null 2>&1 || apt-get update -qq
  mkdir -p "$debs" && (cd "$debs" && apt-get download -q $missing >/dev/null 2>&1)
fi
"$nodes" up "${E2E_NODES:-3}" --fixtures "${E2E_FIXTURES:-shell/src/test/resources/fixtures/kubeadm}"
# The modules come from this checkout's reactor, never from ~/.m2: another checkout installing
# there meanwhile cannot change what this suite runs.
mvn -B -Pe2e verify -pl shell -am -Dsurefire.failIfNoSpecifiedTests=false
