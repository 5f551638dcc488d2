package io.kubelab.shell;

import io.kubelab.checks.testing.FakeTools;
import io.kubelab.checks.testing.MockCluster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A test fixture standing in for the Azure CLI: it prints what az prints for each command the AKS
 * lab runs (its JSON, its tables, its "(ResourceGroupNotFound)" errors with exit status 3, as in
 * Microsoft's documentation), keeps resource groups and clusters as folders and files under
 * {@code $AZ_FIXTURE}, and registers the cluster's node on a mock API server. Deleting a group
 * deletes the clusters in it, as Azure does. A file {@code .halfway} there makes `az aks create`
 * fail after the cluster exists, in provisioning state Failed.
 */
final class AzFixture {
    private AzFixture() {
    }

    static FakeTools install(Path dir, MockCluster cluster) throws IOException {
        FakeTools tools = new FakeTools(dir);
        tools.script("az", """
                API=%s
                S="$AZ_FIXTURE"; mkdir -p "$S/groups"
                arg() { local want="$1"; shift
                  while [ $# -gt 0 ]; do [ "$1" = "$want" ] && { echo "$2"; return; }; shift; done; }
                sub=0b1f6471-1bf0-4dda-aec3-cb9272f09590
                nogroup() { echo "(ResourceGroupNotFound) Resource group '$1' could not be found." >&2
                  echo "Code: ResourceGroupNotFound" >&2; echo "Message: Resource group '$1' could not be found." >&2; exit 3; }
                nocluster() { echo "(ResourceNotFound) The Resource 'Microsoft.ContainerService/managedClusters/$2' under resource group '$1' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix" >&2
                  echo "Code: ResourceNotFound" >&2; exit 3; }
                g=$(arg --name "$@"); [ -n "$(arg --resource-group "$@")" ] && g=$(arg --resource-group "$@")
                case "$1 $2" in
                  "version --output") if [ "$3" = table ]; then printf 'Azure-cli    Azure-cli-core    Azure-cli-telemetry\\n-----------  ----------------  ---------------------\\n2.79.0       2.79.0            1.1.0\\n'; else echo 2.79.0; fi ;;
                  "account show") printf 'Pay-As-You-Go\\tlearner@example.com\\n' ;;
                  "group create")
                    mkdir -p "$S/groups/$g"
                    printf '{\\n  "id": "/subscriptions/%%s/resourceGroups/%%s",\\n  "location": "%%s",\\n  "name": "%%s",\\n  "properties": {\\n    "provisioningState": "Succeeded"\\n  },\\n  "tags": {\\n    "created-by": "kubelab",\\n    "lab": "aks"\\n  },\\n  "type": "Microsoft.Resources/resourceGroups"\\n}\\n' "$sub" "$g" "$(arg --location "$@")" "$g" ;;
                  "group show") [ -d "$S/groups/$g" ] || nogroup "$g"; echo Succeeded ;;
                  "group exists") [ -d "$S/groups/$g" ] && echo true || echo false ;;
                  "group delete")
                    [ -d "$S/groups/$g" ] || nogroup "$g"
                    for c in "$S/groups/$g"/*; do [ -e "$c" ] || continue
                      curl -sf -X DELETE "$API/api/v1/nodes/aks-nodepool1-12345678-vmss000000" >/dev/null; done
                    rm -rf "$S/groups/$g" ;;
                  "aks create")
                    n=$(arg --name "$@"); [ -d "$S/groups/$g" ] || nogroup "$g"
                    if [ -e "$S/.halfway" ]; then echo Failed > "$S/groups/$g/$n"
                      echo "(ReconcileVMSSAgentPoolFailed) Code=\\"OperationNotAllowed\\" Message=\\"Operation could not be completed as it results in exceeding approved standardBSFamily Cores quota.\\"" >&2
                      echo "Code: ReconcileVMSSAgentPoolFailed" >&2; exit 1; fi
                    echo Succeeded > "$S/groups/$g/$n"
                    curl -sf -X POST -H 'Content-Type: application/json' "$API/api/v1/nodes" -d '{"apiVersion":"v1","kind":"Node",
                      "metadata":{"name":"aks-nodepool1-12345678-vmss000000","labels":{"topology.kubernetes.io/zone":"0","kubernetes.azure.com/agentpool":"nodepool1"}},
                      "status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"kubelet is posting ready status"}],
                      "nodeInfo":{"kubeletVersion":"v1.33.3"}}}' >/dev/null
                    printf '{\\n  "name": "%%s",\\n  "provisioningState": "Succeeded",\\n  "kubernetesVersion": "1.33.3",\\n  "nodeResourceGroup": "MC_%%s_%%s_%%s"\\n}\\n' "$n" "$g" "$n" "eastus" ;;
                  "aks show")
                    n=$(arg --name "$@"); [ -d "$S/groups/$g" ] || nogroup "$g"; [ -e "$S/groups/$g/$n" ] || nocluster "$g" "$n"
                    cat "$S/groups/$g/$n" ;;
                  "aks delete")
                    n=$(arg --name "$@"); [ -d "$S/groups/$g" ] || nogroup "$g"; [ -e "$S/groups/$g/$n" ] || nocluster "$g" "$n"
                    curl -sf -X DELETE "$API/api/v1/nodes/aks-nodepool1-12345678-vmss000000" >/dev/null; rm -f "$S/groups/$g/$n" ;;
                  "aks get-credentials")
                    n=$(arg --name "$@"); [ -e "$S/groups/$g/$n" ] || nocluster "$g" "$n"
                    f=$(arg --file "$@"); f=${f:-$HOME/.kube/config}; mkdir -p "$(dirname "$f")"
                    printf 'apiVersion: v1\\nkind: Config\\nclusters:\\n- name: %%s\\n  cluster: {server: "%%s"}\\ncontexts:\\n- name: %%s\\n  context: {cluster: %%s, user: clusterUser_%%s_%%s}\\ncurrent-context: %%s\\nusers:\\n- name: clusterUser_%%s_%%s\\n  user: {token: fixture}\\n' "$n" "$API" "$n" "$n" "$g" "$n" "$n" "$g" "$n" > "$f"
                    echo "Merged \\"$n\\" as current context in $f" >&2 ;;
                  "aks get-versions")
                    printf 'KubernetesVersion    Upgrades\\n-------------------  -----------------------\\n1.34.1               None available\\n1.33.3               1.34.1\\n1.32.7               1.33.3\\n' ;;
                  *) echo "az fixture: unsupported: $*" >&2; exit 64 ;;
                esac""".formatted(cluster.url()));
        return tools;
    }
}
