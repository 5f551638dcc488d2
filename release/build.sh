#!/usr/bin/env bash
# Builds lab for people without a JDK or Maven, into release/out/:
#   lab-VERSION-linux-x64.tar.gz  a jlink Java runtime, the launcher and lab.jar: unpack anywhere, run bin/lab
#   kubelab_VERSION_amd64.deb     the same under /usr/lib/kubelab, with /usr/bin/lab
# The runtime carries the JDK's class-data archive; the launcher adds lab's own classes to a
# second archive in the user's cache on the first run (an archive names the jar's path, so it is
# made where lab is installed, not here). Needs a JDK 17 with jmods, Maven, and dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/.."
out=release/out
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
version=${version%-SNAPSHOT}
arch=x64
mvn -q -B -DskipTests package -pl shell -am
rm -rf "$out" && mkdir -p "$out"
jar=shell/target/lab.jar

# The modules lab uses (jdeps), and those it reaches only by name at run time: EC host keys and
# key exchange, DNS for the API client, Chinese locale data, charsets.
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$jar")
modules="$modules,jdk.crypto.ec,jdk.naming.dns,jdk.localedata,jdk.charsets,jdk.zipfs,java.logging"

stage="$out/lab-$version"
mkdir -p "$stage/lib" "$stage/bin"
jlink --add-modules "$modules" --output "$stage/runtime" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --generate-cds-archive
cp "$jar" "$stage/lib/lab.jar"
cp release/lab.sh "$stage/bin/lab"
chmod 755 "$stage/bin/lab"
cp LICENSE "$stage/" 2>/dev/null || true
printf '%s\n' "$version" >"$stage/lib/VERSION"
tar -C "$out" -czf "$out/lab-$version-linux-$arch.tar.gz" "lab-$version"

# The .deb: the same tree under /usr/lib/kubelab.
deb="$out/deb"
mkdir -p "$deb/DEBIAN" "$deb/usr/lib" "$deb/usr/bin"
cp -a "$stage" "$deb/usr/lib/kubelab"
ln -s ../lib/kubelab/bin/lab "$deb/usr/bin/lab"
size=$(du -sk "$deb/usr" | cut -f1)
cat >"$deb/DEBIAN/control" <<CONTROL
Package: kubelab
Version: $version
Architecture: amd64
Maintainer: kubelab <kubelab@example.org>
Installed-Size: $size
Depends: libc6, libgcc-s1, libstdc++6, zlib1g
Recommends: openssh-client, kubectl
Section: education
Priority: optional
Description: lab, a training shell for building Kubernetes clusters
 Step-by-step labs for minikube, kubeadm and the other ways to build a cluster,
 with checks on the learner's own machines and cluster. Includes its own Java runtime.
CONTROL
dpkg-deb --root-owner-group --build "$deb" "$out/kubelab_${version}_amd64.deb" >/dev/null
rm -rf "$deb"
ls -l "$out"/*.tar.gz "$out"/*.deb
