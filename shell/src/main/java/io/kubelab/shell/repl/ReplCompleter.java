package io.kubelab.shell.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Tab completion from the picocli command tree: commands, options, option values, lab and step ids. */
final class ReplCompleter implements Completer {
    private final CommandLine commands;

    ReplCompleter(CommandLine commands) {
        this.commands = commands;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String[] words = line.words().toArray(new String[0]);
        List<CharSequence> suffixes = new ArrayList<>();
        AutoComplete.complete(commands.getCommandSpec(), words, line.wordIndex(), line.wordCursor(), line.cursor(),
                suffixes);
        String typed = line.word().substring(0, line.wordCursor());
        for (CharSequence s : suffixes) {
            String full = typed + s;
            // Lab and step ids before options: after `start ` or `goto ` the learner wants a name.
            candidates.add(new Candidate(full, full, null, null, null, null, true, full.startsWith("-") ? 1 : 0));
        }
    }
}
