package io.kubelab.shell.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
