package io.kubelab.shell.commands;

import picocli.CommandLine.Option;

/** The -o option of the commands that write text or JSON (no JUnit report): list, checks, status, env. */
final class TextOrJson {
    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text or json.")
    OutputFormat format;

    /** Whether JSON was asked for; -o junit is refused here, before the command does any work. */
    boolean json() {
        format.refuse(OutputFormat.junit);
        return format == OutputFormat.json;
    }
}
