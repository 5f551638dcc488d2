package io.kubelab.shell.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.grade.RosterReader;
import io.kubelab.labs.load.DirectoryLabFiles;
import io.kubelab.labs.load.LabLoader;
import io.kubelab.labs.load.LoadResult;
import io.kubelab.labs.nodes.inventory.InventoryReader;
import io.kubelab.labs.nodes.inventory.SshConfig;
import io.kubelab.labs.yaml.InvalidFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mistakes people make in the files lab reads — a lab author's lab.yaml, a learner's
 * inventory, an instructor's roster — each answered in Chinese under zh-CN. Each mistake below is
 * written into a file and read by the real reader; every problem it reports must be said with
 * Chinese in it (a sentence left in English shows here, named). Values (keys, paths, ids) stay as
 * they are written.
 */
class FileMistakesInChineseTest {
    @TempDir
    Path dir;

    private static final String LAB = """
            format: 1
            id: t
            title: {en: T, zh-CN: T}
            variables:
              v: {default: a, pattern: '[a-z]+'}
            checks:
              - {id: shared, kind: command, with: {command: "true"}}
            steps:
              - id: one
                title: {en: One, zh-CN: 一}
                actions:
                  - run: echo {{v}}
                checks:
                  - {id: c, kind: command, with: {command: "true"}}
                  - use: shared
              - id: two
                title: {en: Two, zh-CN: 二}
                quiz:
                  type: single
                  question: {en: Q?, zh-CN: 问？}
                  choices: {a: {en: A, zh-CN: 甲}, b: {en: B, zh-CN: 乙}}
                  answer: a
                  explanation: {en: A it is., zh-CN: 是甲。}
            """;

    /** A create action that is right, for the mistakes made in one. */
    private static final String CREATE = String.join("\n", "      - create: c", "        provider: gcp",
            "        name: n", "        where: z", "        account: a", "        command: \"true\"",
            "        describe: \"true\"", "        not_found: x", "        delete: \"true\"", "        per_hour: \"0.1\"",
            "        priced: \"2026-11\"");

    /** Each: what in the lab above is replaced, and by what (and a second replacement, for some). */
    private static final String[][] LAB_MISTAKES = {
        {"format: 1\n", ""},
        {"format: 1", "format: 7"},
        {"id: t\n", "id: T\n"},
        {"id: t\n", "id: other\n"},
        {"echo {{v}}", "echo {{nope}}"},
        {"echo {{v}}", "echo {{v | upper}}"},
        {"title: {en: One, zh-CN: 一}", "title: {en: One, zh-CN: 一}\n    titel: x"},
        {"title: {en: One, zh-CN: 一}", "title: {en: One, zh-CN: 一, fr: Un}"},
        {"title: {en: T, zh-CN: T}", "title: {en: T, zh-CN: T}\ntitle: {en: T}"},
        {"title: {en: T, zh-CN: T}", "title: [unclosed"},
        {"  - id: two", "  - id: one"},
        {"  - id: two", "  - id: Two_2"},
        {"    actions:\n      - run: echo {{v}}", "    actions: run"},
        {"      - run: echo {{v}}", "      - echo"},
        {"      - run: echo {{v}}", "      - runn: echo"},
        {"      - run: echo {{v}}", "      - run: echo\n        timeout: 5 parsecs"},
        {"      - run: echo {{v}}", "      - run: echo\n        timeout: 48h"},
        {"      - run: echo {{v}}", "      - run: echo\n        timeout: 0s"},
        {"      - run: echo {{v}}", "      - run: echo\n        sudo: maybe"},
        {"      - run: echo {{v}}", "      - run: echo\n        capture: {v: '(x'}"},
        {"      - run: echo {{v}}", "      - run: echo\n        unless: [nope]"},
        {"      - run: echo {{v}}", "      - copy: {src: a, content: b, dest: c}"},
        {"      - run: echo {{v}}", "      - copy: {content: b}"},
        {"      - run: echo {{v}}", "      - copy: {content: b, dest: etc/x}\n        on: all"},
        {"      - run: echo {{v}}", "      - copy: {content: b, dest: /etc/x, mode: rw}\n        on: all"},
        {"      - run: echo {{v}}", "      - copy: {content: b, dest: /x/y}"},
        {"      - run: echo {{v}}", "      - fetch: {src: /etc/x}\n        on: all"},
        {"      - run: echo {{v}}", "      - certificates: {issue: [{name: a, cn: a}]}"},
        {"      - run: echo {{v}}", "      - run: ''"},
        {"      - run: echo {{v}}", "      - run: echo\n        unless_set: [nope]"},
        {"      - run: echo {{v}}", "      - run: echo\n        capture: [v]", "  v: {default: a, pattern: '[a-z]+'}",
            "  v: {default: a}"},
        {"      - run: echo {{v}}", "      - run: echo\n        capture: [nope]"},
        {"      - run: echo {{v}}", "      - run: echo\n        capture: 7"},
        {"      - run: echo {{v}}", "      - certificates: pki\n        issue: [{name: a, cn: a, usages: [both-ways]}]\n        algorithm: dsa\n        days: 0"},
        {"      - run: echo {{v}}", "      - certificates: pki\n        issue: [{name: a, cn: a}, {name: a, cn: b}]\n        on: all"},
        {"      - run: echo {{v}}", "      - certificates: pki\n        issue: [{name: a, cn: a, for_each: kube_node}]"},
        {"      - run: echo {{v}}", CREATE.replace("provider: gcp", "provider: ibm")},
        {"      - run: echo {{v}}", CREATE.replace("not_found: x", "not_found: '('")},
        {"      - run: echo {{v}}", CREATE.replace("        not_found: x\n", "")},
        {"      - run: echo {{v}}", CREATE.replace("\"0.1\"", "cheap").replace("2026-11", "soon")},
        {"      - run: echo {{v}}", CREATE.replace("name: n", "name: \"{{k}}\""), "  v: {default: a, pattern: '[a-z]+'}",
            "  v: {default: a, pattern: '[a-z]+'}\n  k: {secret: true, generate: hex32}"},
        {"    checks:\n      - {id: c", "    checks: nope\n    x:\n      - {id: c"},
        {"      - {id: c, kind: command, with: {command: \"true\"}}", "      - c"},
        {"      - {id: c, kind: command, with: {command: \"true\"}}", "      - {id: c, kind: nope}"},
        {"      - {id: c, kind: command, with: {command: \"true\"}}", "      - {id: c, kind: command, with: x}"},
        {"      - {id: c, kind: command, with: {command: \"true\"}}", "      - {id: c, kind: command, with: {command: x, nope: 1}}"},
        {"      - {id: c, kind: command, with: {command: \"true\"}}", "      - {id: c, kind: command, with: {command: x}, points: -1}"},
        {"      - {id: c, kind: command, with: {command: \"true\"}}", "      - {id: c, kind: command, with: {command: x}, if: nonsense}"},
        {"      - use: shared", "      - use: unshared"},
        {"      - use: shared\n", ""},
        {"  v: {default: a, pattern: '[a-z]+'}", "  v: {default: A1, pattern: '[a-z]+'}"},
        {"  v: {default: a, pattern: '[a-z]+'}", "  v: {default: a, pattern: '[a-z'}"},
        {"  v: {default: a, pattern: '[a-z]+'}", "  v: {default: a}\n  Bad-Name: {default: b}"},
        {"  v: {default: a, pattern: '[a-z]+'}", "  v: {default: a}\n  k: {generate: dice}"},
        {"  v: {default: a, pattern: '[a-z]+'}", "  v: {default: a}\n  k: {secret: true, default: hunter2}"},
        {"  v: {default: a, pattern: '[a-z]+'}", "  v: {default: a, choices: [b, c]}"},
        {"variables:\n  v: {default: a, pattern: '[a-z]+'}", "variables: [v]"},
        {"    title: {en: One, zh-CN: 一}", "    title: {en: One, zh-CN: 一}\n    hints: nope"},
        {"    title: {en: One, zh-CN: 一}", "    title: {en: One, zh-CN: 一}\n    text: steps/missing.md"},
        {"  type: single", "  type: essay"},
        {"  choices: {a: {en: A, zh-CN: 甲}, b: {en: B, zh-CN: 乙}}", "  choices: [a, b]"},
        {"  answer: a", "  answer: z"},
        {"  answer: a", "  answer: [a, b]"},
        {"      answer: a\n", ""},
        {"  type: single", "  type: text"},
        {"steps:\n", "steps: []\nx:\n"},
    };

    private static final String INVENTORY = """
            all:
              hosts:
                node-1: {ansible_host: 10.0.0.1}
              children:
                kube_control_plane:
                  hosts: {node-1: {}}
            """;

    private static final String[][] INVENTORY_MISTAKES = {
        {"  children:", "  kids:"},
        {"    node-1: {ansible_host: 10.0.0.1}", "    node-1: {ansible_hostt: 10.0.0.1}"},
        {"    node-1: {ansible_host: 10.0.0.1}", "    node-1: {ansible_host: 10.0.0.1, ansible_port: 99999}"},
        {"    node-1: {ansible_host: 10.0.0.1}", "    node-1: {ansible_host: 10.0.0.1, ansible_timeout: forever}"},
        {"    node-1: {ansible_host: 10.0.0.1}", "    node-1: {ansible_host: 10.0.0.1, ansible_connection: local}"},
        {"    node-1: {ansible_host: 10.0.0.1}", "    node-1: {ansible_host: 10.0.0.1, ansible_ssh_private_key_file: /no/such/key}"},
        {"    node-1: {ansible_host: 10.0.0.1}", "    node-1: [10.0.0.1]"},
        {"      hosts: {node-1: {}}", "      hosts: {node-9: {}}"},
        {"      hosts: {node-1: {}}", "      hosts: [node-1]"},
        {"      hosts: {node-1: {}}", "      children: {workers: {}}"},
        {"      hosts: {node-1: {}}", "      children: {kube_control_plane: {}}"},
        {"      hosts: {node-1: {}}", "      children: [a]"},
        {INVENTORY, "all: {}\n"},
        {"all:", "- all"},
        {"  hosts:\n    node-1", "  hosts:\n    node-1: {}\n    node-1"},
    };

    private static final String[] INI_INVENTORIES = {
        "[kube_control_plane\nnode-1\n",
        "[kube_control_plane:stuff]\nnode-1\n",
        "[kube_control_plane]\nnode-1 ansible_host\n",
        "[kube_control_plane:vars]\njust words\n",
        "[kube_control_plane]\nnode-1 ansible_port=http\n",
        "[kube_control_plane]\nnode-1 ansible_hots=10.0.0.1\n",
        "[kube_control_plane]\n\"\"\n",
    };

    private static final String ROSTER = """
            title: Class
            pass_mark: 80
            learners:
              - id: kim
                inventory: {all: {hosts: {node-1: {ansible_host: 10.0.0.1}}}}
            """;

    private static final String[][] ROSTER_MISTAKES = {
        {"pass_mark: 80", "pass_mark: 180"},
        {"pass_mark: 80", "pass_mark: 80\npassmark: 80"},
        {"learners:\n  - id: kim\n    inventory: {all: {hosts: {node-1: {ansible_host: 10.0.0.1}}}}\n", "learners: []\n"},
        {"  - id: kim\n", "  - id: ../kim\n"},
        {"  - id: kim\n    inventory: {all: {hosts: {node-1: {ansible_host: 10.0.0.1}}}}\n",
            "  - id: kim\n    inventory: {all: {hosts: {node-1: {ansible_host: 10.0.0.1}}}}\n  - id: kim\n    kubeconfig: k\n"},
        {"    inventory: {all: {hosts: {node-1: {ansible_host: 10.0.0.1}}}}\n", "    name: Kim\n"},
        {"    inventory: {all: {hosts: {node-1: {ansible_host: 10.0.0.1}}}}\n",
            "    inventory: {all: {hosts: {node-1: {ansible_host: 10.0.0.1}}}}\n    set: [a]\n"},
        {"    inventory: {all: {hosts: {node-1: {ansible_host: 10.0.0.1}}}}\n", "    inventory: [a]\n"},
        {"    inventory: {all: {hosts: {node-1: {ansible_host: 10.0.0.1}}}}\n",
            "    inventory: {all: {hosts: {node-1: {ansible_hots: 10.0.0.1}}}}\n"},
    };

    @Test
    void everyMistakeInALabIsSaidInChinese() throws Exception {
        java.util.Set<String> english = new java.util.LinkedHashSet<>();
        LabLoader loader = new LabLoader(CheckRegistry.standard(Map.of()), ActionRegistry.standard());
        int looked = 0;
        for (String[] m : LAB_MISTAKES) {
            assertTrue(LAB.contains(m[0]), "the mistake applies to the lab: " + m[0]);
            Path lab = Files.createDirectories(dir.resolve("lab" + looked++).resolve("t"));
            Files.writeString(lab.resolve("lab.yaml"), m.length == 4 ? LAB.replace(m[0], m[1]).replace(m[2], m[3])
                    : LAB.replace(m[0], m[1]));
            LoadResult r = loader.load(new DirectoryLabFiles(lab));
            assertFalse(r.problems().isEmpty(), "a mistake is reported: " + m[1]);
            r.problems().forEach(p -> english(p.message(), english));
        }
        assertEquals("", String.join("\n", english), "said in English under zh-CN (add to shell/.../ui/errors.zh-CN.txt)");
    }

    @Test
    void everyMistakeInAnInventoryIsSaidInChinese() throws Exception {
        java.util.Set<String> english = new java.util.LinkedHashSet<>();
        InventoryReader reader = new InventoryReader(dir, SshConfig.empty(dir), "learner");
        int n = 0;
        List<String> files = new ArrayList<>();
        for (String[] m : INVENTORY_MISTAKES) {
            assertTrue(INVENTORY.contains(m[0]), m[0]);
            files.add(INVENTORY.replace(m[0], m[1]));
        }
        for (String ini : INI_INVENTORIES) {
            files.add(ini);
        }
        for (String text : files) {
            Path f = Files.writeString(dir.resolve("inventory" + n++ + (text.startsWith("[") ? ".ini" : ".yaml")), text);
            try {
                reader.read(f);
                throw new AssertionError("a mistake is reported:\n" + text);
            } catch (InvalidFileException e) {
                e.problems().forEach(p -> english(p.message(), english));
            }
        }
        assertEquals("", String.join("\n", english), "said in English under zh-CN");
    }

    @Test
    void everyMistakeInARosterIsSaidInChinese() throws Exception {
        java.util.Set<String> english = new java.util.LinkedHashSet<>();
        RosterReader reader = new RosterReader(new InventoryReader(dir, SshConfig.empty(dir), "instructor"));
        int n = 0;
        for (String[] m : ROSTER_MISTAKES) {
            assertTrue(ROSTER.contains(m[0]), m[0]);
            Path f = Files.writeString(dir.resolve("roster" + n++ + ".yaml"), ROSTER.replace(m[0], m[1]));
            try {
                reader.read(f);
                throw new AssertionError("a mistake is reported:\n" + m[1]);
            } catch (InvalidFileException e) {
                e.problems().forEach(p -> english(p.message(), english));
            }
        }
        assertEquals("", String.join("\n", english), "said in English under zh-CN");
    }

    /**
     * Notes a problem's message that comes out of the Chinese table with English left in it: no
     * Chinese character, or three English words in a row once the values are taken out (quoted
     * ids, YAML written as an example, paths).
     */
    static void english(String message, java.util.Set<String> english) {
        String said = Sentences.say(message, "zh-CN");
        // The YAML parser's and Java's regular-expression messages are the libraries' own words, given as they are.
        String words = said.replaceAll("YAML：.*|（[A-Z][a-z]+(?: [a-z/-]+)*）", " ").replaceAll("'[^']*'|\"[^\"]*\"|\\{[^}]*}|\\[[^\\]]*]|\\([^)]*\\)|/\\S*|`[^`]*`", " ");
        if (said.chars().noneMatch(c -> c >= 0x4e00 && c <= 0x9fff)
                || java.util.regex.Pattern.compile("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+").matcher(words).find()) {
            english.add(message + "\n    said: " + said);
        }
    }
}
