package io.kubelab.checks.onhost;

import java.util.Map;

/**
 * How each tool the labs use prints its own version. Each prints it differently, and some
 * (kubectl without --client, gcloud without components) would contact a server if asked plainly.
 *
 * @param versionCommand the command that prints the version without touching the network
 * @param installHint    where a learner gets the tool
 */
record KnownBinary(String name, String versionCommand, String installHint) {

    private static final Map<String, KnownBinary> KNOWN = Map.ofEntries(
            entry("kubeadm", "kubeadm version -o short", "https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/"),
            entry("kubelet", "kubelet --version", "install the kubelet package from pkgs.k8s.io (same minor as kubeadm)"),
            entry("kubectl", "kubectl version --client", "https://kubernetes.io/docs/tasks/tools/"),
            entry("containerd", "containerd --version", "install containerd (apt install containerd / dnf install containerd.io)"),
            entry("etcd", "etcd --version", "https://github.com/etcd-io/etcd/releases"),
            entry("etcdctl", "etcdctl version", "https://github.com/etcd-io/etcd/releases"),
            entry("minikube", "minikube version --short", "https://minikube.sigs.k8s.io/docs/start/"),
            entry("eksctl", "eksctl version", "https://eksctl.io/installation/"),
            entry("gcloud", "gcloud version", "https://cloud.google.com/sdk/docs/install"),
            entry("gke-gcloud-auth-plugin", "gke-gcloud-auth-plugin --version",
                    "gcloud components install gke-gcloud-auth-plugin (or apt install google-cloud-cli-gke-gcloud-auth-plugin)"),
            entry("az", "az version --output tsv --query '\"azure-cli\"'", "https://learn.microsoft.com/cli/azure/install-azure-cli"),
            entry("aws", "aws --version", "https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"),
            entry("kops", "kops version --short", "https://kops.sigs.k8s.io/getting_started/install/"),
            entry("ansible", "ansible --version", "pip install ansible-core (or apt install ansible)"),
            entry("ansible-playbook", "ansible-playbook --version", "pip install ansible-core (or apt install ansible)"),
            entry("docker", "docker version --format '{{.Client.Version}}'", "https://docs.docker.com/engine/install/"),
            entry("helm", "helm version --short", "https://helm.sh/docs/intro/install/"),
            entry("cfssl", "cfssl version", "https://github.com/cloudflare/cfssl/releases"),
            entry("openssl", "openssl version", "apt install openssl"));

    private static Map.Entry<String, KnownBinary> entry(String name, String command, String hint) {
        return Map.entry(name, new KnownBinary(name, command, hint));
    }

    /** The known way for a listed tool; for any other, {@code <name> --version}. */
    static KnownBinary of(String name) {
        return KNOWN.getOrDefault(name, new KnownBinary(name, name + " --version", "install " + name));
    }
}
