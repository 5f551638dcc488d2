#!/usr/bin/env bash
# Installs what release/build.sh made into clean Debian roots (minbase bookworm, made with
# mmdebstrap; no JDK, no Maven) and runs it there: the tarball unpacked in /opt, then the .deb
# with dpkg. Needs root, mmdebstrap and Debian's mirror. Leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."
out=release/out
tarball=$(ls "$out"/lab-*-linux-x64.tar.gz)
deb=$(ls "$out"/kubelab_*_amd64.deb)
mirror="${KUBELAB_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work=$(mktemp -d)
root="$work/root"
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

fail() { echo "release test: $*" >&2; exit 1; }
in_root() { chroot "$root" env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

echo "release test: a clean Debian root (minbase bookworm)..."
mmdebstrap --quiet --variant=minbase bookworm "$root" "$mirror"
mount -t proc proc "$root/proc"
in_root sh -c 'command -v java || command -v mvn' && fail "the clean root has a JDK or Maven"

echo "release test: the tarball, unpacked in /opt"
tar -C "$root/opt" -xzf "$tarball"
lab=$(cd "$root" && ls -d opt/lab-*/bin/lab)
list=$(in_root "/$lab" list) || fail "lab list failed: $list"
grep -q '^kubeadm ' <<<"$list" || fail "lab list does not list kubeadm: $list"
shown=$(printf 'show\nexit\n' | in_root "/$lab" start minikube --no-input) || fail "lab start minikube failed: $shown"
grep -q 'Install minikube' <<<"$shown" || fail "lab start minikube did not show the first step: $shown"
again=$(in_root "/$lab" --version) || fail "a second start failed: $again"
[ -n "$(ls "$root"/root/.cache/kubelab/*.jsa 2>/dev/null)" ] || fail "no class-data archive was kept in the user's cache"
rm -rf "$root/opt/lab-"* "$root/root/.cache" "$root/root/.local"

echo "release test: the .deb, installed with dpkg"
cp "$deb" "$root/tmp/kubelab.deb"
in_root dpkg -i /tmp/kubelab.deb >/dev/null || fail "dpkg -i failed"
list=$(in_root lab list) || fail "lab list (from the .deb) failed: $list"
grep -q '^minikube ' <<<"$list" || fail "lab list (from the .deb) does not list minikube: $list"
in_root sh -c 'printf "show\nexit\n" | lab start kubeadm --no-input --lang zh-CN' | grep -q '检查每个节点' \
  || fail "lab start kubeadm --lang zh-CN (from the .deb) did not show the first step in Chinese"
in_root dpkg -r kubelab >/dev/null || fail "dpkg -r failed"
[ ! -e "$root/usr/bin/lab" ] || fail "dpkg -r left /usr/bin/lab"
echo "release test: the tarball and the .deb install and run in a clean root"
