package io.kubelab.checks;

import static io.kubelab.checks.ParamSpec.optional;
import static io.kubelab.checks.ParamSpec.required;

import io.kubelab.checks.cluster.Kubeconfig;
import io.kubelab.checks.certs.CertificateCheck;
import io.kubelab.checks.certs.JoinHashCheck;
import io.kubelab.checks.certs.KubeconfigCheck;
import io.kubelab.checks.oncluster.ApiHealthCheck;
import io.kubelab.checks.oncluster.ApiReachableCheck;
import io.kubelab.checks.oncluster.ManagedControlPlaneCheck;
import io.kubelab.checks.oncluster.NodeRoleCheck;
import io.kubelab.checks.oncluster.PodNetworkCidrCheck;
import io.kubelab.checks.oncluster.NodeZonesCheck;
import io.kubelab.checks.oncluster.VersionSkewCheck;
import io.kubelab.checks.oncluster.WorkloadChecks;
import io.kubelab.checks.onhost.ContainerRuntimeCheck;
import io.kubelab.checks.onhost.FileCheck;
import io.kubelab.checks.onhost.KernelCheck;
import io.kubelab.checks.onhost.PortCheck;
import io.kubelab.checks.onhost.PortReachableCheck;
import io.kubelab.checks.onhost.SameFileCheck;
import io.kubelab.checks.onhost.SameVersionCheck;
import io.kubelab.checks.onhost.SecretEncryptedCheck;
import io.kubelab.checks.onhost.SystemdUnitCheck;
import io.kubelab.checks.oncluster.KubeContextCheck;
import io.kubelab.checks.oncluster.NodeCountCheck;
import io.kubelab.checks.oncluster.NodesReadyCheck;
import io.kubelab.checks.onhost.AnsibleVersionCheck;
import io.kubelab.checks.onhost.BinaryVersionCheck;
import io.kubelab.checks.onhost.CloudLoginCheck;
import io.kubelab.checks.onhost.CommandCheck;
import io.kubelab.checks.onhost.MinikubeDriverCheck;
import io.kubelab.checks.onhost.ResourcesCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every check kind, by the name lab YAML uses. Lab content, `lab validate` and `lab checks` all
 * read this one list.
 */
public final class CheckRegistry {
    /** Every cluster check takes these: which kubeconfig and context to use (default: the learner's). */
    public static final String KUBECONFIG = "kubeconfig";
    public static final String CONTEXT = "context";

    private final Map<String, CheckKind> kinds = new LinkedHashMap<>();

    private CheckRegistry() {
    }

    /**
     * The built-in checks.
     *
     * @param env the environment the learner runs in (for the default kubeconfig)
     */
    public static CheckRegistry standard(Map<String, String> env) {
        CheckRegistry r = new CheckRegistry();
        Path kubeconfig = Kubeconfig.defaultPath(env);

        r.host("command", "a command exits with the expected status and its output matches a pattern",
                List.of(required("command", ParamType.COMMAND, "the shell command to run"),
                        optional("exit", ParamType.INTEGER, "expected exit status (default 0)"),
                        optional("match", ParamType.STRING, "a regular expression the output must contain")),
                """
                kind: command
                on: local
                with: {command: "docker info --format '{{.ServerVersion}}'", match: '^\\d+'}""",
                CommandCheck::from);
        r.host("binary-version", "a tool is on the PATH, at least a given version (parsed from its own version output)",
                List.of(required("binary", ParamType.STRING, "the program name, e.g. kubeadm, minikube, eksctl"),
                        optional("min", ParamType.STRING, "the lowest acceptable version, e.g. 1.30.0"),
                        optional("command", ParamType.COMMAND, "how to print its version, when it is not a known tool")),
                """
                kind: binary-version
                on: local
                with: {binary: minikube, min: 1.30.0}""",
                BinaryVersionCheck::from);
        r.host("cloud-login", "a cloud CLI is logged in: aws sts get-caller-identity, gcloud auth list (and a project), "
                        + "az account show",
                List.of(required("provider", ParamType.STRING, "aws, gcp or azure"),
                        optional("project", ParamType.STRING, "gcp: the project the lab uses (else one must be set in gcloud)")),
                """
                kind: cloud-login
                on: local
                with: {provider: gcp}""",
                CloudLoginCheck::from);
        r.host("ansible-version", "the ansible-playbook that will run a kubespray checkout is in the range the checkout "
                        + "asserts (read from its playbooks/ansible_version.yml)",
                List.of(required("checkout", ParamType.STRING, "the kubespray checkout"),
                        optional("command", ParamType.COMMAND, "the ansible-playbook to ask (default: on the PATH)")),
                """
                kind: ansible-version
                on: local
                with: {checkout: /home/learner/kubespray, command: /home/learner/venv/bin/ansible-playbook}""",
                AnsibleVersionCheck::from);
        r.host("resources", "the host has at least N CPUs and M MB memory (total, or available now)",
                List.of(optional("cpus", ParamType.INTEGER, "minimum number of CPUs"),
                        optional("memory_mb", ParamType.INTEGER, "minimum memory in MB"),
                        optional("memory_kind", ParamType.STRING, "total (default) or available")),
                """
                kind: resources
                on: kube_control_plane
                with: {cpus: 2, memory_mb: 1700}""",
                ResourcesCheck::from);
        r.host("minikube-driver", "a driver minikube can use is healthy (docker, podman, kvm2, qemu, virtualbox): which one it "
                        + "would choose, and why each other was refused",
                List.of(optional("driver", ParamType.STRING, "require this driver instead of any")),
                """
                kind: minikube-driver
                on: local""",
                MinikubeDriverCheck::from);

        r.host("file", "a file exists, with a mode, an owner, and content matching a pattern",
                List.of(required("path", ParamType.STRING, "the file"),
                        optional("mode", ParamType.STRING, "octal permissions, e.g. \"0600\""),
                        optional("owner", ParamType.STRING, "user or user:group"),
                        optional("content", ParamType.STRING, "a regular expression the content must contain")),
                """
                kind: file
                on: kube_control_plane
                with: {path: /etc/kubernetes/admin.conf, mode: "0600", owner: "root:root"}""",
                FileCheck::from);
        r.host("systemd-unit", "a systemd unit is active (and enabled); its last log lines when it is not",
                List.of(required("unit", ParamType.STRING, "the unit, e.g. kubelet"),
                        optional("enabled", ParamType.BOOLEAN, "also require it enabled at boot (default true)")),
                """
                kind: systemd-unit
                on: all
                with: {unit: containerd}""",
                SystemdUnitCheck::from);
        r.host("port-listening", "TCP ports are listening on the host (and which process holds each)",
                List.of(optional("port", ParamType.LIST, "a port or a range, e.g. 6443 or 2379-2380"),
                        optional("ports", ParamType.LIST, "several ports or ranges")),
                """
                kind: port-listening
                on: kube_control_plane
                with: {port: 6443}""",
                PortCheck::listening);
        r.host("port-free", "TCP ports are free on the host (nothing listens on them yet)",
                List.of(optional("port", ParamType.LIST, "a port or a range"),
                        optional("ports", ParamType.LIST, "several ports or ranges"),
                        optional("allow", ParamType.LIST, "processes that may hold them: the component the lab "
                                + "starts there (etcd), so the check still passes after that step")),
                """
                kind: port-free
                on: kube_control_plane
                with: {ports: [2379-2380], allow: [etcd]}""",
                PortCheck::free);
        r.host("port-reachable", "a TCP port of another host can be reached from this one",
                List.of(required("host", ParamType.STRING, "the address to reach"),
                        required("port", ParamType.INTEGER, "the port"),
                        optional("timeout", ParamType.INTEGER, "seconds to wait (default 3)")),
                """
                kind: port-reachable
                on: kube_node
                with: {host: 10.0.0.10, port: 6443}""",
                PortReachableCheck::from);
        r.host("swap-off", "swap is off (/proc/swaps); a warning unless fail: true, as kubeadm's preflight gives",
                List.of(optional("fail", ParamType.BOOLEAN, "fail instead of warn when swap is on"),
                        optional("swaps", ParamType.STRING, "where the kernel lists swap devices (default /proc/swaps)")),
                """
                kind: swap-off
                on: all""",
                KernelCheck.SwapOff::from);
        r.host("sysctl", "a kernel setting has a value (read from /proc/sys)",
                List.of(required("key", ParamType.STRING, "e.g. net.ipv4.ip_forward"),
                        required("value", ParamType.STRING, "e.g. 1")),
                """
                kind: sysctl
                on: all
                with: {key: net.ipv4.ip_forward, value: "1"}""",
                KernelCheck.Sysctl::from);
        r.host("kernel-modules", "kernel modules are loaded",
                List.of(optional("module", ParamType.LIST, "a module"),
                        optional("modules", ParamType.LIST, "modules, e.g. [overlay, br_netfilter]")),
                """
                kind: kernel-modules
                on: all
                with: {modules: [overlay, br_netfilter]}""",
                KernelCheck.ModulesLoaded::from);
        r.host("cgroup-v2", "the host uses cgroup v2 (the unified hierarchy kubelet 1.35+ requires)", List.of(),
                """
                kind: cgroup-v2
                on: all""",
                KernelCheck.CgroupV2::from);
        r.host("container-runtime", "a container runtime answers on its socket (containerd by default)",
                List.of(optional("socket", ParamType.STRING, "the CRI socket (default /run/containerd/containerd.sock)")),
                """
                kind: container-runtime
                on: all""",
                ContainerRuntimeCheck::from);
        r.add(new CheckKind("same-version", CheckKind.Scope.HOSTS,
                "tools are at the same minor version on every host of the target",
                List.of(optional("binary", ParamType.LIST, "a tool"),
                        optional("binaries", ParamType.LIST, "tools, e.g. [kubeadm, kubelet, kubectl]")),
                """
                kind: same-version
                on: k8s_cluster
                with: {binaries: [kubeadm, kubelet, kubectl]}""",
                SameVersionCheck::from));
        r.add(new CheckKind("same-file", CheckKind.Scope.HOSTS,
                "a file is the same on every host of the target (compared by SHA-256 there; the file never leaves)",
                List.of(required("path", ParamType.STRING, "the file, e.g. /var/lib/kubernetes/encryption-config.yaml")),
                """
                kind: same-file
                on: kube_control_plane
                with: {path: /var/lib/kubernetes/encryption-config.yaml}""",
                SameFileCheck::from));
        r.host("secret-encrypted", "a secret is encrypted at rest: its etcd value starts with the provider's prefix",
                List.of(required("secret", ParamType.STRING, "the secret's name"),
                        optional("namespace", ParamType.STRING, "its namespace (default default)"),
                        optional("prefix", ParamType.STRING, "expected prefix (default k8s:enc:aescbc:v1:)"),
                        optional("etcdctl_flags", ParamType.STRING, "endpoints and certificates for etcdctl"),
                        optional("kubeadm", ParamType.BOOLEAN, "use kubeadm's etcd endpoint and certificates")),
                """
                kind: secret-encrypted
                on: server
                with: {secret: kubernetes-the-hard-way}""",
                SecretEncryptedCheck::from);
        r.host("certificate", "a PEM certificate: chains to a CA, subject CN/O, SANs, key usages, validity, its key",
                List.of(required("cert", ParamType.STRING, "the certificate file"),
                        optional("ca", ParamType.STRING, "the CA certificate it must chain to"),
                        optional("cn", ParamType.STRING, "the subject CN (the user Kubernetes sees)"),
                        optional("o", ParamType.LIST, "the subject O values (the groups)"),
                        optional("dns", ParamType.LIST, "DNS names the SANs must include"),
                        optional("ips", ParamType.LIST, "IP addresses the SANs must include"),
                        optional("key_usage", ParamType.LIST, "e.g. [digitalSignature, keyEncipherment]"),
                        optional("ext_key_usage", ParamType.LIST, "e.g. [clientAuth, serverAuth]"),
                        optional("key", ParamType.STRING, "the private key that must belong to it"),
                        optional("warn_days", ParamType.INTEGER, "warn when fewer days are left (default 30)")),
                """
                kind: certificate
                on: local
                with: {cert: admin.pem, ca: ca.pem, cn: admin, o: [system:masters], key: admin-key.pem}""",
                CertificateCheck::from);
        r.host("kubeadm-join-hash", "a join command's --discovery-token-ca-cert-hash is sha256 of the CA's public key info",
                List.of(required("hash", ParamType.STRING, "the hash, or the whole join command"),
                        optional("ca", ParamType.STRING, "the CA certificate (default /etc/kubernetes/pki/ca.crt)")),
                """
                kind: kubeadm-join-hash
                on: kube_control_plane
                with: {hash: "{{join_command}}"}""",
                JoinHashCheck::from);
        r.host("kubeconfig", "a kubeconfig's server, its cluster CA, and its user's certificate CN and O",
                List.of(required("path", ParamType.STRING, "the kubeconfig file"),
                        optional("server", ParamType.STRING, "the API server URL it must use"),
                        optional("ca", ParamType.STRING, "the CA certificate it must embed"),
                        optional("cn", ParamType.STRING, "the user certificate's CN"),
                        optional("o", ParamType.LIST, "the user certificate's O values"),
                        optional("o_any_of", ParamType.LIST, "the user certificate has exactly one O, one of these")),
                """
                kind: kubeconfig
                on: local
                with: {path: "{{lab.workdir}}/admin.conf", cn: kubernetes-admin, o: ["kubeadm:cluster-admins"]}""",
                KubeconfigCheck::from);

        r.add(new CheckKind("kube-context", CheckKind.Scope.FILES,
                "a kubeconfig has the named context, and it is the current one",
                List.of(required(CONTEXT, ParamType.STRING, "the context name, e.g. minikube"),
                        optional("current", ParamType.BOOLEAN, "also require it to be current (default true)"),
                        optional(KUBECONFIG, ParamType.STRING, "the kubeconfig file (default $KUBECONFIG or ~/.kube/config)")),
                """
                kind: kube-context
                with: {context: minikube}""",
                p -> KubeContextCheck.from(p, kubeconfig)));

        r.cluster("api-reachable", "the API server answers and reports its version", List.of(),
                """
                kind: api-reachable""",
                ApiReachableCheck::from);
        r.cluster("api-health", "the API server's /readyz (or /livez) passes; the failing checks when not",
                List.of(optional("endpoint", ParamType.STRING, "readyz (default) or livez")),
                """
                kind: api-health
                with: {endpoint: readyz}""",
                ApiHealthCheck::from);
        r.cluster("node-count", "the cluster has exactly (count) or at least (min) N nodes",
                List.of(optional("count", ParamType.INTEGER, "exact number of nodes"),
                        optional("min", ParamType.INTEGER, "minimum number of nodes")),
                """
                kind: node-count
                with: {count: 1}""",
                NodeCountCheck::from);
        r.cluster("nodes-ready", "every node is Ready; each one that is not is named with its condition",
                List.of(optional("names", ParamType.LIST, "nodes that must be present too")),
                """
                kind: nodes-ready
                with: {names: [minikube]}""",
                NodesReadyCheck::from);
        r.cluster("node-role", "nodes have (or lack) a role label, e.g. node-role.kubernetes.io/control-plane",
                List.of(optional("node", ParamType.LIST, "a node"),
                        optional("nodes", ParamType.LIST, "nodes"),
                        optional("role", ParamType.STRING, "the role (default control-plane)"),
                        optional("present", ParamType.BOOLEAN, "has it (default true) or lacks it (false)")),
                """
                kind: node-role
                with: {nodes: [node2, node3], present: false}""",
                NodeRoleCheck::from);
        r.cluster("node-zones", "where the nodes are, by zone (topology.kubernetes.io/zone): how many zones, which, in "
                        + "which region, how many nodes in each",
                List.of(optional("min", ParamType.INTEGER, "at least this many zones (default 2 when nothing else is given)"),
                        optional("count", ParamType.INTEGER, "exactly this many zones"),
                        optional("zones", ParamType.LIST, "exactly these zones (a list, or comma-separated)"),
                        optional("region", ParamType.STRING, "every zone in this region"),
                        optional("per_zone", ParamType.INTEGER, "exactly this many nodes in each zone"),
                        optional("role", ParamType.STRING, "count only the nodes with this role, e.g. control-plane")),
                """
                kind: node-zones
                with: {region: us-central1, count: 3, per_zone: 1}""",
                NodeZonesCheck::from);
        r.cluster("managed-control-plane", "the control plane is the provider's: no control-plane nodes, no kube-apiserver "
                        + "pod in kube-system, and the API server answers with its version",
                List.of(),
                """
                kind: managed-control-plane""",
                ManagedControlPlaneCheck::from);
        r.cluster("pod-network-cidr", "the pod network (flannel or calico) is configured with the pod CIDR, read from "
                        + "its own configuration (flannel's net-conf.json, calico's IP pools)",
                List.of(required("cni", ParamType.STRING, "flannel or calico"),
                        required("cidr", ParamType.STRING, "the pod CIDR the cluster was made with, e.g. 10.244.0.0/16")),
                """
                kind: pod-network-cidr
                with: {cni: calico, cidr: 10.244.0.0/16}""",
                PodNetworkCidrCheck::from);
        r.cluster("version-skew", "every kubelet is within the supported skew of the API server (not newer, at most 3 minors older)",
                List.of(optional("max_minor_behind", ParamType.INTEGER, "override the allowed skew")),
                """
                kind: version-skew""",
                VersionSkewCheck::from);
        r.cluster("pods-running", "pods matching a label selector are Running and ready (e.g. CoreDNS, kube-proxy)",
                List.of(required("selector", ParamType.STRING, "a label selector, e.g. k8s-app=kube-dns"),
                        optional("namespace", ParamType.STRING, "the namespace (default kube-system)"),
                        optional("min", ParamType.INTEGER, "at least this many (default 1)")),
                """
                kind: pods-running
                with: {selector: k8s-app=kube-dns, min: 2}""",
                WorkloadChecks.PodsRunning::from);
        r.cluster("deployment-available", "a deployment has all its replicas available",
                List.of(required("name", ParamType.STRING, "the deployment"),
                        optional("namespace", ParamType.STRING, "its namespace (default default)")),
                """
                kind: deployment-available
                with: {name: nginx}""",
                WorkloadChecks.DeploymentAvailable::from);
        r.cluster("service-endpoints", "a service has ready endpoints",
                List.of(required("name", ParamType.STRING, "the service"),
                        optional("namespace", ParamType.STRING, "its namespace (default default)")),
                """
                kind: service-endpoints
                with: {name: nginx}""",
                WorkloadChecks.ServiceEndpoints::from);
        return r;
    }

    public Optional<CheckKind> find(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    public List<CheckKind> all() {
        return List.copyOf(kinds.values());
    }

    public List<String> names() {
        return List.copyOf(kinds.keySet());
    }

    private void host(String name, String summary, List<ParamSpec> params, String example,
                      Function<Params, Check> factory) {
        add(new CheckKind(name, CheckKind.Scope.HOST, summary, params, example, factory));
    }

    private void cluster(String name, String summary, List<ParamSpec> params, String example,
                         Function<Params, Check> factory) {
        List<ParamSpec> all = new ArrayList<>(params);
        all.add(optional(KUBECONFIG, ParamType.STRING, "the kubeconfig file (default $KUBECONFIG or ~/.kube/config)"));
        all.add(optional(CONTEXT, ParamType.STRING, "the context to use (default: the current one)"));
        // The cluster parameters choose where to look; the check itself never sees them.
        Function<Params, Check> withoutAccessParams = p -> {
            Map<String, Object> rest = new LinkedHashMap<>(p.values());
            rest.remove(KUBECONFIG);
            rest.remove(CONTEXT);
            return factory.apply(new Params(rest));
        };
        add(new CheckKind(name, CheckKind.Scope.CLUSTER, summary, all, example, withoutAccessParams));
    }

    private void add(CheckKind kind) {
        if (kinds.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalStateException("two checks named " + kind.name());
        }
    }
}
