import io.kubelab.checks.CheckRegistry;
import io.kubelab.labs.Prompter;
import io.kubelab.labs.actions.ActionRegistry;
import io.kubelab.labs.load.LabCatalog;
import io.kubelab.labs.model.Lab;
import io.kubelab.labs.nodes.NodeFactory;
import io.kubelab.labs.nodes.NodeSettings;
import io.kubelab.labs.run.LabSession;
import io.kubelab.labs.run.RunListener;
import io.kubelab.labs.run.RunOptions;
import io.kubelab.labs.run.SessionConfig;
import io.kubelab.labs.run.StepOutcome;
import io.kubelab.labs.state.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warm fan-out, as inside one REPL session: connections are opened once (through the same node
 * factory the shell uses; host keys from $HOME/.ssh/known_hosts), then the same step (hostname on
 * every host) is run again and again. Prints the median of the warm runs in ms.
 * Usage: java -cp shell/target/lab.jar bench/WarmFanout.java LAB_DIR INVENTORY RUNS
 */
public class WarmFanout {
    public static void main(String[] args) throws Exception {
        Path labDir = Path.of(args[0]);
        Path inventory = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path state = Files.createTempDirectory("kubelab-bench");
        Map<String, String> env = System.getenv();
        CheckRegistry registry = CheckRegistry.standard(env);
        Lab lab = new LabCatalog(WarmFanout.class.getClassLoader(), registry, ActionRegistry.standard(), Path.of(""))
                .load(labDir.toString());
        NodeFactory nodes = new NodeFactory(new NodeSettings(env, Path.of(""), state, Prompter.NONE));
        SessionConfig config = new SessionConfig(state, env, "en", Map.of(), Prompter.NONE,
                RunListener.SILENT, registry, null);
        try (LabSession session = new LabSession(lab, config, nodes.open(Optional.of(inventory), false))) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                long start = System.nanoTime();
                StepOutcome o = session.run(session.step("hostname"), RunOptions.defaults());
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (o.state() != StepState.DONE) {
                    throw new IllegalStateException("run failed: " + o.problem());
                }
                if (i > 0) { // the first run opens the connections
                    times.add(ms);
                }
            }
            Collections.sort(times);
            System.out.println(times.get(times.size() / 2));
        }
    }
}
