package io.kubelab.shell.repl;

import io.kubelab.labs.model.Variable;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.values.Redactor;
import io.kubelab.shell.context.ShellContext;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The REPL's history, with secrets masked before a line is kept: a `--set token=...` for a secret
 * variable of the open lab, and any kubeadm bootstrap token, never reach the history file.
 */
final class RedactingHistory extends DefaultHistory {
    /** --set name=value, the value a word or a quoted string ("a b", 'a b') as the shell reads it. */
    private static final Pattern SET = Pattern.compile("(--set[ =])([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"?|'[^']*'?|\\S+)");
    private final ShellContext ctx;

    RedactingHistory(ShellContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void add(Instant time, String line) {
        super.add(time, redact(line));
    }

    String redact(String line) {
        LabSession s = ctx.session();
        Matcher m = SET.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Variable v = s == null ? null : s.lab().variables().get(m.group(2));
            boolean secret = v == null ? looksSecret(m.group(2)) : v.secret();
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "="
                    + (secret ? Redactor.MASK : m.group(3))));
        }
        m.appendTail(out);
        return (s == null ? Redactor.none() : s.variables().redactor()).redact(out.toString());
    }

    private static boolean looksSecret(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.contains("token") || n.contains("secret") || n.contains("password") || n.contains("key");
    }
}
