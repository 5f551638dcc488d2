package io.kubelab.shell.commands;

import io.kubelab.labs.LabException;
import io.kubelab.shell.context.ShellContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the shell completion script asks at each Tab: the candidates for the last word, given the
 * words before it. A static script cannot know a lab's steps, so the script calls this, which
 * knows that in {@code lab run kubeadm <Tab>} the word is a step of the kubeadm lab.
 */
@Command(name = "__complete", hidden = true, description = "Completion candidates for the completion script.")
public final class CompleteCommand implements Callable<Integer> {
    private final ShellContext ctx;

    @Parameters(arity = "0..*", description = "The words after `lab`; the last is the one being completed.")
    List<String> words = new ArrayList<>();

    @Spec
    CommandSpec spec;

    public CompleteCommand(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<String> typed = new ArrayList<>(words);
        if (typed.isEmpty()) {
            typed.add("");
        }
        String current = typed.get(typed.size() - 1);
        Set<String> candidates = new LinkedHashSet<>();
        Optional<String> lab = current.startsWith("-") ? Optional.empty() : labBeforeStep(typed.subList(0, typed.size() - 1));
        if (lab.isPresent()) {
            try {
                ctx.catalog().load(lab.get()).stepIds().stream().filter(id -> id.startsWith(current))
                        .forEach(candidates::add);
            } catch (LabException e) {
                // Not a lab lab knows: nothing to offer.
            }
        } else {
            String[] args = typed.toArray(new String[0]);
            List<CharSequence> suffixes = new ArrayList<>();
            int cursor = String.join(" ", typed).length();
            AutoComplete.complete(spec.root(), args, args.length - 1, current.length(), cursor, suffixes);
            suffixes.forEach(s -> candidates.add(current + s));
        }
        candidates.stream().filter(c -> !c.equals("__complete")).forEach(ctx.out()::println);
        ctx.out().flush();
        return 0;
    }

    /**
     * The lab named before the word being completed, when that word is a step: the command takes
     * [LAB] [STEP] (or LAB STEP) and exactly one word, the lab, has been given after it.
     */
    private Optional<String> labBeforeStep(List<String> before) {
        CommandSpec command = null;
        List<String> positionals = new ArrayList<>();
        CommandSpec scope = spec.root();
        for (int i = 0; i < before.size(); i++) {
            String w = before.get(i);
            if (w.startsWith("-")) {
                OptionSpec option = scope.findOption(w.contains("=") ? w.substring(0, w.indexOf('=')) : w);
                if (option != null && !w.contains("=") && option.arity().max() > 0) {
                    i++; // its value
                }
            } else if (command == null) {
                command = spec.root().subcommands().containsKey(w) ? spec.root().subcommands().get(w).getCommandSpec() : null;
                if (command == null) {
                    return Optional.empty();
                }
                scope = command;
            } else {
                positionals.add(w);
            }
        }
        boolean takesSteps = command != null && command.positionalParameters().stream()
                .anyMatch(p -> p.paramLabel().contains("STEP"));
        return takesSteps && positionals.size() == 1 ? Optional.of(positionals.get(0)) : Optional.empty();
    }
}
