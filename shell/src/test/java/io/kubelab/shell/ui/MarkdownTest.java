package io.kubelab.shell.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.labs.values.TextWidth;
import org.junit.jupiter.api.Test;

class MarkdownTest {
    private final Markdown plain = new Markdown(30, new Style(false));

    @Test
    void wrapsParagraphsToTheWidthButNeverCodeBlocks() {
        String out = plain.render("""
                # Title

                Run the following command on the control plane node to start it:

                ```
                kubeadm init --pod-network-cidr=10.244.0.0/16 --apiserver-advertise-address=10.0.0.10
                ```
                """);
        for (String line : out.split("\n")) {
            if (!line.startsWith("    kubeadm")) {
                assertTrue(TextWidth.of(line) <= 30, "too wide: " + line);
            }
        }
        assertTrue(out.contains("\n    kubeadm init --pod-network-cidr=10.244.0.0/16 --apiserver-advertise-address=10.0.0.10"),
                out);
        assertTrue(out.startsWith("Title\n=====\n"), out);
    }

    @Test
    void wrapsChineseBetweenCharactersCountingTwoColumnsEach() {
        String out = new Markdown(20, new Style(false)).render("minikube 在一台机器上运行完整的 Kubernetes 集群，让你可以学习。");
        for (String line : out.split("\n")) {
            assertTrue(TextWidth.of(line) <= 20, "too wide: " + line + " (" + TextWidth.of(line) + ")");
        }
        assertEquals("minikube 在一台机器上运行完整的 Kubernetes 集群，让你可以学习。".replace(" ", ""),
                out.replace("\n", "").replace(" ", ""));
    }

    @Test
    void listsQuotesAndInlineMarks() {
        String out = new Markdown(80, new Style(false)).render("""
                - one `code` and **bold**
                - see [the docs](https://kubernetes.io)
                > a quote
                """);
        assertEquals("  • one code and bold\n  • see the docs (https://kubernetes.io)\n│ a quote", out);
        String coloured = new Markdown(80, new Style(true)).render("`kubectl`");
        assertEquals("\u001b[36mkubectl\u001b[0m", coloured);
    }

    /** Chinese line breaking: closing punctuation never starts a line, opening punctuation never ends one. */
    @Test
    void closingPunctuationNeverStartsALine() {
        String text = "节点来自你的主机清单。节点来自你的主机清单，节点（来自）你的主机清单：节点来自你的主机清单；完。";
        for (int width = 8; width <= 40; width++) {
            String out = new Markdown(width, new Style(false)).render(text);
            for (String line : out.split("\n")) {
                assertTrue(Markdown.CLOSING.indexOf(line.codePointAt(0)) < 0, "width " + width + ": " + out);
                assertTrue(Markdown.OPENING.indexOf(line.codePointBefore(line.length())) < 0, "width " + width + ": " + out);
            }
            assertEquals(text, out.replace("\n", ""), "nothing lost or added at width " + width);
        }
    }

    /** A source line break after full-width punctuation or before an opening one adds no space. */
    @Test
    void noSpaceAtALineBreakNextToFullWidthPunctuation() {
        assertEquals("其他驱动还有：podman（实验性）、kvm2、virtualbox。",
                new Markdown(100, new Style(false)).render("其他驱动还有：podman（实验性）、\nkvm2、virtualbox。"));
        assertEquals("通过负载均衡器访问 API（--set x）。",
                new Markdown(100, new Style(false)).render("通过负载均衡器访问 API\n（--set x）。"));
        assertEquals("ends here. Next line", new Markdown(100, new Style(false)).render("ends here.\nNext line"));
    }

    /** A list item continued on an indented source line keeps its indent, and wraps under its text. */
    @Test
    void aListItemContinuedOnTheNextSourceLineStaysOneItem() {
        String out = new Markdown(38, new Style(false)).render("""
                - the ports the control plane needs
                  (6443 API, 2379-2380 etcd) are free;
                - the second item
                After the list.
                """);
        assertEquals("""
                  • the ports the control plane needs
                    (6443 API, 2379-2380 etcd) are
                    free;
                  • the second item
                After the list.""", out);
    }
}
