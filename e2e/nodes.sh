#!/usr/bin/env bash
# Real OpenSSH nodes for the end-to-end tests, each in its own network namespace with its own
# address on a bridge, its own hostname (UTS namespace) and private /root, /tmp, /etc/kubernetes
# and /var/lib/kubelet (mount namespace). Key-only root login.
#
#   e2e/nodes.sh up N [--fixtures DIR]   start N nodes (DIR is put first on the nodes' PATH)
#   e2e/nodes.sh down                    stop them and remove every namespace, link and process
#   e2e/nodes.sh stop I / start I        stop or restart node I's sshd (for "node went away" tests)
#   e2e/nodes.sh swap-on I / swap-off I  make node I's /proc/swaps show a swap file, or not
#
# Each node also gets what a Kubernetes node has and this machine may not: IPv4 forwarding on in
# its network namespace, the kernel modules of E2E_MODULES (default: overlay br_netfilter) listed
# in its /sys/module, and a containerd socket at /run/containerd/containerd.sock.
#
# State (keys, inventory, known_hosts) goes to $KUBELAB_E2E (default /var/lib/kubelab-e2e); the
# tests read $KUBELAB_E2E/inventory.yaml, $KUBELAB_E2E/id_ed25519 and $KUBELAB_E2E/known_hosts.
# Needs root, iproute2, util-linux (unshare) and openssh-server.
set -euo pipefail

STATE="${KUBELAB_E2E:-/var/lib/kubelab-e2e}"  # not under a folder the nodes make private
BRIDGE=klbr0
NET=10.77.0
PREFIX=kl-node

# Nodes 1-200 on 10.77.0.11-210, then 10.77.1.x and on (the bench grades a class of 300 nodes).
node_ip() { echo "10.77.$(( $1 / 201 )).$(( 10 + $1 % 201 ))"; }

sshd_config() { # node folder, ip
  cat <<CFG
Port 22
ListenAddress $2
HostKey $1/ssh_host_ed25519_key
PidFile $1/sshd.pid
AuthorizedKeysFile $STATE/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxSessions 64
MaxStartups 100:30:200
LogLevel ERROR
Subsystem sftp internal-sftp
CFG
}

start_node() { # index
  local i=$1
  local dir="$STATE/node$i" ns="$PREFIX$i"
  # The node's own root file system view: private folders bound over the shared ones.
  ip netns exec "$ns" unshare --uts --mount --propagation private bash -c "
    hostname node-$i
    for d in root tmp etc/kubernetes etc/cni var/lib/kubelet run/containerd; do
      mkdir -p /\$d '$dir/fs/'\$d && mount --bind '$dir/fs/'\$d /\$d
    done
    mount --bind '$dir/sys-module' /sys/module
    chmod 1777 /tmp
    if [ -d '$dir/fixtures' ]; then mkdir -p /usr/local/sbin && mount --bind '$dir/fixtures' /usr/local/sbin; fi
    exec /usr/sbin/sshd -D -e -f '$dir/sshd_config'
  " >>"$dir/sshd.log" 2>&1 &
  echo $! >"$dir/launcher.pid"
  for _ in $(seq 100); do
    ip netns exec "$ns" bash -c "exec 3<>/dev/tcp/$(node_ip "$i")/22" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "nodes.sh: node$i's sshd did not start; see $dir/sshd.log" >&2
  return 1
}

stop_node() { # index: the node goes away: its sshd, its sessions and everything they run
  local dir="$STATE/node$1"
  local ns="$PREFIX$1"
  ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
  for _ in $(seq 50); do
    [ -z "$(ip netns pids "$ns" 2>/dev/null)" ] && break
    sleep 0.05
  done
  rm -f "$dir/sshd.pid" "$dir/launcher.pid"
}

up() {
  local n=$1 fixtures=${2:-}
  [ "$(id -u)" = 0 ] || { echo "nodes.sh: must run as root" >&2; exit 2; }
  mkdir -p /run/sshd "$STATE"
  chmod 700 "$STATE"
  [ -f "$STATE/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C kubelab-e2e -f "$STATE/id_ed25519"
  cp "$STATE/id_ed25519.pub" "$STATE/authorized_keys"
  ip link show "$BRIDGE" >/dev/null 2>&1 || {
    ip link add "$BRIDGE" type bridge
    ip addr add "$NET.1/16" dev "$BRIDGE"
    ip link set "$BRIDGE" up
  }
  : >"$STATE/known_hosts"
  {
    echo "all:"
    echo "  vars: {ansible_user: root, ansible_ssh_private_key_file: $STATE/id_ed25519}"
    echo "  hosts:"
  } >"$STATE/inventory.yaml"
  for i in $(seq 1 "$n"); do
    local dir="$STATE/node$i"
    local ns="$PREFIX$i" ip
    ip=$(node_ip "$i")
    mkdir -p "$dir"
    [ -f "$dir/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh_host_ed25519_key"
    sshd_config "$dir" "$ip" >"$dir/sshd_config"
    if [ -n "$fixtures" ]; then rm -rf "$dir/fixtures"; cp -r "$fixtures" "$dir/fixtures"; fi
    rm -rf "$dir/sys-module"; mkdir -p "$dir/sys-module" "$dir/fs/run/containerd"
    (cd "$dir/sys-module" && mkdir -p $(ls /sys/module) ${E2E_MODULES:-overlay br_netfilter})  # one process, not one per module
    rm -f "$dir/fs/run/containerd/containerd.sock"
    python3 -c "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])" "$dir/fs/run/containerd/containerd.sock"
    ip netns add "$ns" 2>/dev/null || true
    ip link add "kl-veth$i" type veth peer name eth0 netns "$ns" 2>/dev/null || true
    ip link set "kl-veth$i" master "$BRIDGE" up
    ip -n "$ns" addr add "$ip/16" dev eth0 2>/dev/null || true
    ip -n "$ns" link set eth0 up
    ip -n "$ns" link set lo up
    ip -n "$ns" route add default via "$NET.1" 2>/dev/null || true
    ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
    start_node "$i"
    echo "$ip $(cut -d' ' -f1,2 "$dir/ssh_host_ed25519_key.pub")" >>"$STATE/known_hosts"
    echo "    node$i: {ansible_host: $ip}" >>"$STATE/inventory.yaml"
  done
  echo "$n" >"$STATE/count"
  echo "nodes.sh: $n nodes up on $BRIDGE ($(node_ip 1)-$(node_ip "$n")); inventory $STATE/inventory.yaml"
}

down() {
  local n i
  n=$(cat "$STATE/count" 2>/dev/null || echo 0)
  for i in $(seq 1 "$n"); do stop_node "$i"; done
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^$PREFIX" || true); do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns del "$ns"
  done
  ip link del "$BRIDGE" 2>/dev/null || true
  for l in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | grep '^kl-veth' | cut -d@ -f1 || true); do
    ip link del "$l" 2>/dev/null || true
  done
  rm -f "$STATE/count"
}

case "${1:-}" in
  up) shift; n=${1:-3}; shift || true; fx=""; [ "${1:-}" = "--fixtures" ] && fx=$2; down; up "$n" "$fx" ;;
  down) down ;;
  stop) stop_node "$2" ;;
  start) start_node "$2" ;;
  swap-on|swap-off)
    dir="$STATE/node$2"
    pid=$(cat "$dir/sshd.pid")
    if [ "$1" = swap-on ]; then
      printf 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/swapfile                               file\t\t2097148\t\t0\t\t-2\n' >"$dir/swaps"
      nsenter -t "$pid" -m -- mount --bind "$dir/swaps" /proc/swaps
    else
      nsenter -t "$pid" -m -- umount /proc/swaps 2>/dev/null || true
    fi ;;
  *) echo "usage: $0 up N [--fixtures DIR] | down | stop I | start I | swap-on I | swap-off I" >&2; exit 2 ;;
esac
