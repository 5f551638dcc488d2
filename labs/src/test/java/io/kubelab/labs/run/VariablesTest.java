package io.kubelab.labs.run;

import io.kubelab.labs.values.Redactor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.LabException;
import io.kubelab.labs.values.Generator;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.values.Template;
import io.kubelab.labs.model.Text;
import io.kubelab.labs.model.Variable;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VariablesTest {
    private static final Lab LAB = new Lab("t", 1, Text.english("T"), Text.EMPTY, Map.of(
            "cidr", new Variable("cidr", "10.244.0.0/16", Text.EMPTY, Text.EMPTY, false,
                    Pattern.compile("[0-9./]+"), List.of(), null),
            "cni", new Variable("cni", "calico", Text.EMPTY, Text.EMPTY, false, null, List.of("calico", "flannel"), null),
            "token", new Variable("token", null, Text.EMPTY, Text.EMPTY, true, null, List.of(), Generator.BOOTSTRAP_TOKEN),
            "password", new Variable("password", null, Text.EMPTY, Text.english("Password?"), true, null, List.of(), null)),
            List.of(), "lab.yaml", "t");

    @Test
    void precedenceIsSetThenStoredThenDefault() {
        Variables v = new Variables(LAB, Map.of("lab.id", "t"), Map.of("cidr", "10.0.0.0/8"), Map.of("cni", "flannel"));
        assertEquals("10.0.0.0/8", v.get("cidr").orElseThrow());
        assertEquals("flannel", v.get("cni").orElseThrow());
        assertEquals("t", v.get("lab.id").orElseThrow());
        assertEquals("kubeadm init --pod-network-cidr=10.0.0.0/8 # $HOME ${PATH}",
                v.render("kubeadm init --pod-network-cidr={{ cidr }} # $HOME ${PATH}"));
    }

    @Test
    void valuesAreCheckedAgainstPatternAndChoices() {
        Variables v = new Variables(LAB, Map.of(), Map.of(), Map.of());
        LabException bad = assertThrows(LabException.class, () -> v.set("cni", "weave"));
        assertEquals("value 'weave' for cni must be one of [calico, flannel]", bad.getMessage());
        assertThrows(LabException.class, () -> v.set("cidr", "ten"));
        LabException unknown = assertThrows(LabException.class,
                () -> Variables.checkNames(LAB, java.util.Set.of("cird")));
        assertTrue(unknown.getMessage().startsWith("lab 't' has no variable 'cird'"), unknown.getMessage());
    }

    @Test
    void secretsAreNeverPersistedAndAlwaysMasked() {
        Variables v = new Variables(LAB, Map.of(), Map.of("token", "stored.secretvalue12345"), Map.of());
        assertFalse(v.has("token"), "a secret is never read back from progress");
        assertTrue(v.generate("token"));
        String token = v.get("token").orElseThrow();
        assertTrue(token.matches("[a-z0-9]{6}\\.[a-z0-9]{16}"), token);
        v.set("password", "hunter22");
        assertFalse(v.persistable().containsKey("token"));
        assertFalse(v.persistable().containsKey("password"));
        assertEquals(Map.of(), v.persistable(), "defaults are the lab's: worked out again, never stored");
        v.set("cni", "flannel");
        assertEquals(Map.of("cni", "flannel"), v.persistable());
        String masked = v.redactor().redact("kubeadm join --token " + token + " -p hunter22");
        assertEquals("kubeadm join --token ****** -p ******", masked);
    }

    @Test
    void aSecretCommandShowsWithOnlyItsTokenMasked() {
        String join = "kubeadm join 10.0.0.10:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:00";
        assertEquals("run: kubeadm join 10.0.0.10:6443 --token ****** --discovery-token-ca-cert-hash sha256:00 --v=5",
                new Redactor(List.of(join)).redact("run: " + join + " --v=5"));
        assertEquals("password ******", new Redactor(List.of("hunter22")).redact("password hunter22"));
    }

    @Test
    void redactorMasksBootstrapTokensNobodyDeclared() {
        assertEquals("kubeadm join 10.0.0.10:6443 --token ******",
                Redactor.none().redact("kubeadm join 10.0.0.10:6443 --token abcdef.0123456789abcdef"));
    }

    @Test
    void generatorsMakeWellFormedValues() {
        SecureRandom r = new SecureRandom();
        assertTrue(Generator.HEX32.generate(r).matches("[0-9a-f]{64}"));
        assertEquals(32, java.util.Base64.getDecoder().decode(Generator.BASE64_32.generate(r)).length);
    }

    @Test
    void templateFindsReferences() {
        assertEquals(java.util.Set.of("a", "lab.workdir"), Template.references("x {{a}} {{ lab.workdir }} ${b} $c"));
        assertEquals("x {{missing}}", Template.render("x {{missing}}", n -> java.util.Optional.empty()));
    }
}
