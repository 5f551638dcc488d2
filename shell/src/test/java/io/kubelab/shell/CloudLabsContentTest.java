package io.kubelab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.actions.Action;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.actions.CopyAction;
import io.kubelab.labs.actions.CreateAction;
import io.kubelab.labs.load.LabCatalog;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.model.Step;
import io.kubelab.labs.model.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every bundled lab that spends the learner's money must do, read from its content: tag what
 * it creates as kubelab's and with its own id, say before the create what it costs in both
 * languages, and have a teardown that is optional and asks first.
 */
class CloudLabsContentTest {

    @Test
    void everyCreateIsTaggedPricedAndTornDown() {
        LabCatalog catalog = new LabCatalog(getClass().getClassLoader(), CheckRegistry.standard(Map.of()),
                ActionRegistry.standard(), Path.of("."));
        List<String> cloudLabs = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String id : catalog.bundledIds()) {
            Lab lab = catalog.load(id);
            List<Action> all = lab.steps().stream().flatMap(s -> s.actions().stream()).toList();
            for (Step step : lab.steps()) {
                for (Action a : step.actions()) {
                    if (!(a instanceof CreateAction c)) {
                        continue;
                    }
                    if (!cloudLabs.contains(id)) {
                        cloudLabs.add(id);
                    }
                    // A price is an estimate of its day: one not looked at for a year is no longer one.
                    if (java.time.YearMonth.parse(c.priced()).isBefore(java.time.YearMonth.now().minusMonths(12))) {
                        wrong.add(id + ": the price of " + c.kind() + " was checked in " + c.priced()
                                + "; check it again (per_hour, priced)");
                    }
                    if (!tagged(c.command(), id, all)) {
                        wrong.add(id + ": " + c.command() + " does not tag created-by=kubelab and lab=" + id);
                    }
                    for (String lang : Text.LANGUAGES) {
                        String confirm = step.confirm().byLanguage().getOrDefault(lang, "");
                        if (!confirm.contains("$") && !confirm.contains("美元")) {
                            wrong.add(id + ": step " + step.id() + " does not say in " + lang + " what it costs");
                        }
                    }
                }
            }
            if (cloudLabs.contains(id)) {
                Step last = lab.steps().get(lab.steps().size() - 1);
                if (!last.optional() || last.confirm().isEmpty()) {
                    wrong.add(id + ": its last step, the teardown, must be optional and ask first");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(List.of("eks", "gke", "aks", "kops"), cloudLabs);
    }

    /** --labels k=v,k=v (gcloud), --cloud-labels (kops), --tags k=v k=v (az), TagSet=[{Key=k,Value=v}] (aws s3api). */
    private static boolean tags(String command, String lab) {
        java.util.function.BiPredicate<String, String> says = (key, value) -> command.contains(key + "=" + value)
                || command.contains("Key=" + key + ",Value=" + value);
        return says.test("created-by", "kubelab") && says.test("lab", lab);
    }

    /**
     * Tagged in the command itself; in a file the lab writes that the command reads (eksctl -f); or
     * in the spec of the same cluster an earlier command wrote (kops create cluster --cloud-labels,
     * which kops update cluster --yes then builds).
     */
    private static boolean tagged(String command, String lab, List<Action> all) {
        if (tags(command, lab)) {
            return true;
        }
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("--name \\S+").matcher(command);
        if (name.find() && all.stream().filter(a -> a instanceof io.kubelab.labs.actions.RunAction)
                .map(a -> ((io.kubelab.labs.actions.RunAction) a).command())
                .anyMatch(c -> c.contains(name.group()) && !c.contains("--dry-run") && tags(c, lab))) {
            return true;
        }
        return all.stream().filter(a -> a instanceof CopyAction).map(a -> (CopyAction) a)
                .anyMatch(copy -> command.contains(copy.dest()) && copy.content() != null
                        && copy.content().contains("created-by: kubelab") && copy.content().contains("lab: " + lab));
    }
}
