package io.kubelab.labs.model;

import io.kubelab.labs.values.Generator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A lab variable, used in commands and check parameters as {@code {{name}}}.
 *
 * @param defaultValue used unless {@code --set} or progress gives another; null when none
 * @param prompt       asked at a prompt when no value is known (masked when secret); empty = not asked
 * @param secret       never shown, logged or stored: echoed commands, transcripts and progress show ******
 * @param pattern      a value must match this; null = anything
 * @param choices      the allowed values; empty = any
 * @param generate     how lab makes a fresh value when none is known (e.g. a kubeadm bootstrap token)
 */
public record Variable(String name, String defaultValue, Text description, Text prompt, boolean secret,
                       Pattern pattern, List<String> choices, Generator generate) {

    public Variable {
        choices = List.copyOf(choices);
    }

    public boolean asked() {
        return !prompt.isEmpty();
    }
}
