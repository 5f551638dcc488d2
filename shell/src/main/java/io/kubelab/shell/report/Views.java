package io.kubelab.shell.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelab.checks.CheckKind;
import io.kubelab.checks.CheckResult;
import io.kubelab.checks.ParamSpec;
import io.kubelab.labs.actions.ActionKind;
import io.kubelab.labs.actions.Key;
import io.kubelab.labs.machines.Machine;
import io.kubelab.labs.nodes.EnvProbe;
import io.kubelab.labs.run.CheckOutcome;
import io.kubelab.labs.run.CheckReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What `-o json` prints, one record per document. The records are the schema: their components,
 * in snake_case and in this order, are the keys (docs/check-report.md documents the check report).
 */
public final class Views {
    private Views() {
    }

    /** `lab list -o json`. */
    public record Labs(List<LabRow> labs) {
    }

    /** @param current the step the learner is on; null when the lab was never started */
    /** @param problem why the lab's progress could not be read (a damaged file), or null */
    public record LabRow(String id, String title, int steps, long done, String current, String problem) {
    }

    /** `lab resources -o json`: the cloud ledger. */
    public record Resources(List<ResourceRow> resources) {
    }

    /**
     * @param ageSeconds how long since lab recorded it (just before its create command ran)
     * @param perHour    the lab's estimate, US dollars per hour, as text (exact)
     * @param costSoFar  perHour times the hours since, to the cent
     */
    public record ResourceRow(String id, String lab, String provider, String kind, String name, String where,
                              String group, String account, String since, long ageSeconds, String perHour,
                              String priced, String costSoFar, String delete) {
    }

    /** `lab status -o json`. */
    public record Status(String lab, String current, List<String> pending, List<StepRow> steps) {
    }

    /** @param answeredCorrectly only for a step with a question: null until answered */
    public record StepRow(String id, String title, String state, boolean optional, int hintsShown,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean answeredCorrectly) {
    }

    /** `lab env -o json`. */
    /** @param notes what the inventory says that does not apply to lab */
    public record Env(String inventory, List<HostRow> hosts, List<String> notes) {
        public static Env of(String inventory, List<EnvProbe.Report> reports, List<String> notes) {
            return new Env(inventory, reports.stream().map(r -> new HostRow(r.name(), r.address(), r.reached(),
                    r.authenticated(), r.hostname(), r.os(), r.cpus(), r.memoryMb(), r.problem())).toList(), notes);
        }
    }

    public record HostRow(String name, String address, boolean reachable, boolean authenticated, String hostname,
                          String os, int cpus, long memoryMb, String problem) {
    }

    /** `lab check -o json`: docs/check-report.md. */
    public record Checks(String lab, List<CheckRow> results, Map<String, Integer> summary) {
        public static Checks of(CheckReport report) {
            Map<String, Integer> summary = new LinkedHashMap<>();
            report.summary().forEach((status, n) -> summary.put(status.word(), n));
            return new Checks(report.lab(), report.results().stream().map(CheckRow::of).toList(), summary);
        }
    }

    public record CheckRow(String step, String check, String title, String target, String status, String expected,
                           String observed, String evidence, String hint) {
        static CheckRow of(CheckOutcome o) {
            CheckResult r = o.result();
            return new CheckRow(o.step(), o.check(), o.title(), o.target(), r.status().word(), r.expected(),
                    r.observed(), r.evidence(), r.hint());
        }
    }

    /** `lab checks -o json`: every check kind lab YAML can use. */
    public record CheckKinds(List<CheckKindRow> checks) {
        public static CheckKinds of(List<CheckKind> kinds) {
            return new CheckKinds(kinds.stream().map(k -> new CheckKindRow(k.name(),
                    k.scope().name().toLowerCase(Locale.ROOT), k.summary(), k.params().stream().map(ParamRow::of).toList(),
                    k.example())).toList());
        }
    }

    public record CheckKindRow(String name, String scope, String summary, List<ParamRow> params, String example) {
    }

    public record ParamRow(String name, String type, boolean required, String description) {
        static ParamRow of(ParamSpec p) {
            return new ParamRow(p.name(), p.type().word(), p.required(), p.description());
        }
    }

    /** `lab actions -o json`: every action kind lab YAML can use. */
    public record ActionKinds(List<ActionKindRow> actions) {
        public static ActionKinds of(List<ActionKind> kinds) {
            return new ActionKinds(kinds.stream().map(k -> new ActionKindRow(k.word(), k.summary(),
                    k.keys().stream().map(KeyRow::of).toList(), k.example())).toList());
        }
    }

    public record ActionKindRow(String word, String summary, List<KeyRow> keys, String example) {
    }

    /** @param fields the keys of a map-valued key (copy: {src, dest, ...}); absent otherwise */
    public record KeyRow(String name, String type, boolean required, String description,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<KeyRow> fields) {
        static KeyRow of(Key k) {
            return new KeyRow(k.name(), k.type().word(), k.required(), k.description(),
                    k.fields().stream().map(KeyRow::of).toList());
        }
    }

    /** `lab machines list -o json`. */
    public record MachineList(String inventory, List<MachineRow> machines) {
        public static MachineList of(String inventory, List<Machine> machines, java.util.function.Predicate<Machine> running) {
            return new MachineList(inventory, machines.stream().map(m -> new MachineRow(m.name(), m.provider(), m.address(),
                    m.port(), m.user(), m.roles(), running.test(m), m.hostKey())).toList());
        }
    }

    public record MachineRow(String name, String provider, String address, int port, String user, List<String> roles,
                             boolean running,
                             String hostKey) {
    }
}
