package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `vars` and `set`, and --set on a REPL line: a learner sees and changes the lab's variables where they are. */
class VariablesCommandsTest {
    @TempDir
    Path home;

    @Test
    void varsShowsEachValueAndWhereItCameFromSecretsMasked() {
        ShellRun.Result r = new ShellRun(home).run("vars", "kubeadm", "--set", "pod_cidr=10.20.0.0/16");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s).*k8s_minor\\s+1\\.36\\s+\\(default\\).*"), r.out());
        assertTrue(r.out().matches("(?s).*pod_cidr\\s+10\\.20\\.0\\.0/16\\s+\\(set\\).*"), r.out());
        assertTrue(r.out().matches("(?s).*admin_conf\\s+\\S+/kubelab/work/kubeadm/admin\\.conf\\s+\\(computed from others\\).*"),
                r.out());
        assertTrue(r.out().matches("(?s).*join_command\\s+\\(no value yet\\).*"), r.out());
        assertTrue(r.err().contains("remembered for lab kubeadm: pod_cidr (`lab vars kubeadm` lists them)"), r.err());

        ShellRun.Result later = new ShellRun(home).run("vars", "kubeadm");
        assertTrue(later.out().matches("(?s).*pod_cidr\\s+10\\.20\\.0\\.0/16\\s+\\(remembered from an earlier --set\\).*"),
                later.out());
        // In Chinese, where each came from in Chinese parentheses.
        ShellRun.Result zh = new ShellRun(home).run("vars", "kubeadm", "--lang", "zh-CN");
        assertTrue(zh.out().matches("(?s).*k8s_minor\\s+1\\.36\\s+（默认值）\n.*"), zh.out());
    }

    @Test
    void setInTheReplAndSetOnAReplLineBothApply() {
        ShellRun.Result r = new ShellRun(home).stdin("""
                start kubeadm
                set cni=calico
                vars
                vars --set pod_cidr=10.30.0.0/16
                set token=abcdef.0123456789abcdef
                vars
                set admin_conf=/tmp/x
                set cni=weave
                exit
                """).run();
        assertEquals(2, r.exit(), "the script's last failing line (set cni=weave) sets its status: " + r);
        assertTrue(r.out().contains("cni set, and remembered for this lab."), r.out());
        assertTrue(r.out().matches("(?s).*cni\\s+calico\\s+\\(set\\).*"), r.out());
        assertTrue(r.out().matches("(?s).*pod_cidr\\s+10\\.30\\.0\\.0/16\\s+\\(set\\).*"), "--set on a REPL line: " + r.out());
        assertTrue(r.out().contains("token set for this session (secret: never stored)."), r.out());
        assertTrue(r.out().matches("(?s).*token\\s+\\*\\*\\*\\*\\*\\*\\s+\\(set\\).*"), r.out());
        assertFalse(r.out().contains("0123456789abcdef"), "a secret is never shown");
        assertTrue(r.err().contains("admin_conf cannot be set: it is always {{lab.workdir}}/admin.conf"), r.err());
        assertTrue(r.err().contains("value 'weave' for cni must be one of [flannel, calico]"), r.err());
    }

    @Test
    void aDryRunUsesASetValueOnceAndRemembersNothing() {
        ShellRun lab = new ShellRun(home);
        ShellRun.Result dry = lab.run("run", "minikube", "start", "--dry-run", "--set", "cpus=4");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().contains("minikube start --driver=docker --cpus=4 --memory=2200"), dry.out());
        assertFalse(dry.err().contains("remembered"), dry.err());
        assertFalse(java.nio.file.Files.exists(home.resolve("state/kubelab/progress/minikube.json")),
                "a dry run writes nothing");
        ShellRun.Result run = lab.run("show", "minikube", "start");
        assertTrue(run.out().contains("--cpus=2 "), "the lab's default again: " + run.out());
    }
}
