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
 * @param computed     a template of other variables this one always equals (e.g.
 *                     {@code {{lab.workdir}}/admin.conf}), so content names a value once; null = an
 *                     ordinary variable. A computed variable cannot be set.
 * @param supported    the values supported today, refused unless the learner insists; null = no list
 */
public record Variable(String name, String defaultValue, Text description, Text prompt, boolean secret,
                       Pattern pattern, List<String> choices, Generator generate, String computed,
                       Supported supported) {

    public Variable {
        choices = List.copyOf(choices);
    }

    /** An ordinary variable: neither computed nor limited to a supported list. */
    public Variable(String name, String defaultValue, Text description, Text prompt, boolean secret,
                    Pattern pattern, List<String> choices, Generator generate) {
        this(name, defaultValue, description, prompt, secret, pattern, choices, generate, null, null);
    }

    public boolean asked() {
        return !prompt.isEmpty();
    }

    public boolean isComputed() {
        return computed != null;
    }

    /**
     * Values that are supported as of a date (Kubernetes minors past their end of life are not).
     * Any other value is refused when a step uses it, unless the variable {@code unless} is "true".
     *
     * @param asOf when the list was last checked, shown with it so a learner can judge its age
     */
    public record Supported(List<String> values, String asOf, String unless) {
        public Supported {
            values = List.copyOf(values);
        }

        public boolean allows(String value) {
            return values.contains(value);
        }
    }
}
