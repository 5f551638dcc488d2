package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.shell.ShellRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files lab writes on this machine stay in the lab's work folder, however the lab writes the path. */
class FilesStayInTheWorkFolderTest {
    @TempDir
    Path home;

    private Path lab(String yaml) throws Exception {
        Path lab = Files.createDirectories(home.resolve("files"));
        Files.writeString(lab.resolve("lab.yaml"), yaml);
        return lab;
    }

    @Test
    void validateRefusesDestinationsThatLeaveIt() throws Exception {
        Path lab = lab("""
                format: 1
                id: files
                title: {en: Files, zh-CN: 文件}
                steps:
                  - id: one
                    title: {en: One, zh-CN: 一}
                    actions:
                      - fetch: {src: /etc/hostname, dest: /tmp/stolen}
                      - fetch: {src: /etc/hostname, dest: ../../escape}
                      - fetch: {src: /etc/hostname, dest: "{{lab.workdir}}/../../escape"}
                      - copy: {content: "x", dest: ~/.bashrc}
                      - copy: {content: "x", dest: etc/k8s.conf}
                        on: all
                      - fetch: {src: /etc/hostname, dest: "{{lab.workdir}}/hostname"}
                      - copy: {content: "x", dest: notes/x.txt}
                """);
        Result v = new ShellRun(home).run("validate", lab.toString());
        assertEquals(2, v.exit(), v.toString());
        String all = v.out() + v.err();
        assertTrue(all.contains("lab.yaml:8:43: error: a file lab writes on this machine goes in the lab's work folder"), all);
        assertTrue(all.contains("lab.yaml:9:43: error: '..' in ../../escape would leave the lab's work folder"), all);
        assertTrue(all.contains("lab.yaml:10:43: error: '..' in {{lab.workdir}}/../../escape"), all);
        assertTrue(all.contains("lab.yaml:11:36: error: a file lab writes on this machine goes in the lab's work folder"), all);
        assertTrue(all.contains("lab.yaml:12:36: error: a copy to a node needs an absolute path there"), all);
        assertEquals(5, all.split(": error: ").length - 1, all);
    }

    @Test
    void relativePathsAreInTheWorkFolderNotWhereLabWasStarted() throws Exception {
        Path lab = lab("""
                format: 1
                id: files
                title: {en: Files, zh-CN: 文件}
                steps:
                  - id: one
                    title: {en: One, zh-CN: 一}
                    actions:
                      - fetch: {src: /etc/hostname, dest: fetched/hostname}
                      - copy: {src: fetched/hostname, dest: copied/hostname}
                """);
        Result run = new ShellRun(home).run("run", lab.toString());
        assertEquals(0, run.exit(), run.toString());
        Path work = home.resolve("state/kubelab/work/" + new DirectoryLabFiles(lab).stateKey());
        assertEquals(Files.readString(Path.of("/etc/hostname")), Files.readString(work.resolve("copied/hostname")));
        assertFalse(Files.exists(home.resolve("fetched")), "not in the folder lab was started from");
    }

    @Test
    void aPathThatLeavesOnlyOnceFilledInOrThroughALinkIsRefusedWhenItRuns() throws Exception {
        Path outside = Files.createDirectories(home.resolve("outside"));
        Path lab = lab("""
                format: 1
                id: files
                title: {en: Files, zh-CN: 文件}
                variables:
                  where: {default: "OUTSIDE"}
                steps:
                  - id: variable
                    title: {en: Variable, zh-CN: 变量}
                    actions:
                      - fetch: {src: /etc/hostname, dest: "{{where}}/hostname"}
                  - id: link
                    title: {en: Link, zh-CN: 链接}
                    actions:
                      - fetch: {src: /etc/hostname, dest: "{{lab.workdir}}/out/hostname"}
                """.replace("OUTSIDE", outside.toString()));
        Result v = new ShellRun(home).run("validate", lab.toString());
        assertEquals(0, v.exit(), "the text alone does not show it: " + v);

        Result variable = new ShellRun(home).run("run", lab.toString(), "variable");
        assertEquals(1, variable.exit(), variable.toString());
        assertTrue(variable.err().contains(outside + "/hostname is outside the lab's work folder"), variable.toString());
        assertFalse(Files.exists(outside.resolve("hostname")));

        Path work = home.resolve("state/kubelab/work/" + new DirectoryLabFiles(lab).stateKey());
        Files.createDirectories(work);
        Files.createSymbolicLink(work.resolve("out"), outside);
        Result link = new ShellRun(home).run("run", lab.toString(), "link");
        assertEquals(1, link.exit(), link.toString());
        assertTrue(link.err().contains(work.resolve("out") + " is a symbolic link"), link.toString());
        assertFalse(Files.exists(outside.resolve("hostname")), "fetch never follows a link out of the work folder");
    }
}
