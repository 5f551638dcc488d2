package io.kubelab.shell.ui;

import io.kubelab.labs.Prompter;
import java.io.Console;
import java.util.Optional;

/** Asks on the process's console (outside the REPL); secrets are read without echo. */
public final class ConsolePrompter implements Prompter {

    @Override
    public Optional<String> ask(String question, boolean secret) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        if (secret) {
            char[] typed = console.readPassword("%s ", question.strip());
            return typed == null ? Optional.empty() : Optional.of(new String(typed));
        }
        return Optional.ofNullable(console.readLine("%s ", question.strip()));
    }

    @Override
    public Optional<Boolean> confirm(String question) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        String a = console.readLine("%s [y/N] ", question.strip());
        return Optional.of(a != null && a.strip().toLowerCase(java.util.Locale.ROOT).matches("y|yes|是"));
    }
}
