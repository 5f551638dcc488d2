package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.BundledLabFiles;
import io.kubelab.labs.load.LabFiles;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.load.LoadResult;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Variable;
import io.kubelab.labs.yaml.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The releases the bundled labs install are supported ones: the kubeadm lab's list of supported
 * Kubernetes minors is the newest three in a row, with its date, and its default is one of them —
 * a lab whose default falls off the list does not load.
 */
class BundledReleasesTest {
    private static final LabLoader LOADER = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard());

    /** The bundled kubeadm lab, with its lab.yaml changed by {@code edit}. */
    private static LoadResult kubeadm(UnaryOperator<String> edit) {
        LabFiles bundled = new BundledLabFiles(BundledReleasesTest.class.getClassLoader(), "kubeadm");
        return LOADER.load(new LabFiles() {
            @Override
            public Optional<byte[]> bytes(String path, int limit) throws IOException {
                Optional<byte[]> b = bundled.bytes(path, limit);
                return path.equals(LabLoader.MANIFEST)
                        ? b.map(x -> edit.apply(new String(x, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))
                        : b;
            }

            @Override
            public String display(String path) {
                return bundled.display(path);
            }

            @Override
            public String folderName() {
                return "kubeadm";
            }
        });
    }

    @Test
    void theDefaultMinorIsOneOfTheSupportedThreeNewest() {
        LoadResult r = kubeadm(UnaryOperator.identity());
        assertFalse(r.hasErrors(), r.problems().toString());
        Lab lab = r.lab().orElseThrow();
        Variable minor = lab.variables().get("k8s_minor");
        Variable.Supported supported = minor.supported();
        assertNotNull(supported, "k8s_minor keeps its list of supported minors");
        assertTrue(supported.asOf().matches("20[0-9]{2}-[01][0-9]"), supported.asOf());
        assertTrue(supported.values().contains(minor.defaultValue()), minor.defaultValue() + " in " + supported.values());
        List<Integer> minors = supported.values().stream().map(v -> Integer.parseInt(v.substring(2))).toList();
        assertEquals(3, minors.size(), "Kubernetes supports its three newest minors: " + supported.values());
        assertEquals(List.of(minors.get(0), minors.get(0) + 1, minors.get(0) + 2), minors, "in a row, oldest first");
        assertEquals(supported.values().get(2), minor.defaultValue(), "the lab installs the newest");
        assertEquals("allow_unsupported", supported.unless());
    }

    @Test
    void aDefaultThatFellOffTheListDoesNotLoad() {
        LoadResult r = kubeadm(yaml -> yaml.replaceFirst("default: \"1\\.36\"", "default: \"1.31\""));
        assertTrue(r.hasErrors());
        List<String> errors = r.problems().stream().map(Problem::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("default '1.31' of k8s_minor is not supported (supported as of "
                + "2026-11: 1.34, 1.35, 1.36)")), errors.toString());
    }

    @Test
    void theCniManifestsArePinnedReleases() {
        Lab lab = kubeadm(UnaryOperator.identity()).lab().orElseThrow();
        assertEquals("https://github.com/flannel-io/flannel/releases/download/v0.28.4/kube-flannel.yml",
                lab.variables().get("flannel_manifest").computed());
        assertEquals("https://raw.githubusercontent.com/projectcalico/calico/v3.31.7/manifests/calico.yaml",
                lab.variables().get("calico_manifest").computed());
    }
}
