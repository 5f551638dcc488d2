package io.kubelab.labs;

import java.util.Optional;

/** Asks the learner. A non-interactive prompter answers nothing, and the caller explains what to pass instead. */
public interface Prompter {

    /** Asks for a value (typed characters masked when {@code secret}); empty when no one can answer. */
    Optional<String> ask(String question, boolean secret);

    /** Asks yes/no; empty when no one can answer. */
    Optional<Boolean> confirm(String question);

    Prompter NONE = new Prompter() {
        @Override
        public Optional<String> ask(String question, boolean secret) {
            return Optional.empty();
        }

        @Override
        public Optional<Boolean> confirm(String question) {
            return Optional.empty();
        }
    };
}
