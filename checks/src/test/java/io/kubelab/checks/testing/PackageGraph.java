package io.kubelab.checks.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which package of a module uses which, read from the compiled classes (so a fully qualified name
 * in code counts as much as an import), for the architecture tests: cycles between packages, and
 * imports a layer must not make.
 */
public final class PackageGraph {
    /** package -> the packages it uses, each with one class-to-class dependency that shows it. */
    private final Map<String, Map<String, String>> uses = new TreeMap<>();

    private PackageGraph() {
    }

    /** The main classes (not tests) of {@code root} and its subpackages. */
    public static PackageGraph of(String root) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(root);
        PackageGraph g = new PackageGraph();
        for (JavaClass c : classes) {
            String from = c.getPackageName();
            g.uses.computeIfAbsent(from, k -> new TreeMap<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = d.getTargetClass().getPackageName();
                if (!to.equals(from) && (to.equals(root) || to.startsWith(root + "."))) {
                    g.uses.get(from).putIfAbsent(to, d.getOriginClass().getSimpleName() + " -> "
                            + d.getTargetClass().getSimpleName());
                }
            }
        }
        return g;
    }

    public Set<String> packages() {
        return new TreeSet<>(uses.keySet());
    }

    /** Every group of packages that use each other in a loop, each edge with the classes that make it. */
    public List<String> cycles() {
        List<String> out = new ArrayList<>();
        for (List<String> component : stronglyConnected()) {
            if (component.size() > 1) {
                StringBuilder sb = new StringBuilder(String.join(" <-> ", component));
                for (String from : component) {
                    uses.get(from).forEach((to, why) -> {
                        if (component.contains(to)) {
                            sb.append("\n    ").append(from).append(" -> ").append(to).append(" (").append(why).append(")");
                        }
                    });
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** The uses of packages under {@code forbidden} by packages under {@code from}, with the classes that make them. */
    public List<String> uses(String from, String forbidden) {
        List<String> out = new ArrayList<>();
        uses.forEach((pkg, targets) -> {
            if (pkg.equals(from) || pkg.startsWith(from + ".")) {
                targets.forEach((to, why) -> {
                    if (to.equals(forbidden) || to.startsWith(forbidden + ".")) {
                        out.add(pkg + " -> " + to + " (" + why + ")");
                    }
                });
            }
        });
        return out;
    }

    /** Tarjan's algorithm over the package graph. */
    private List<List<String>> stronglyConnected() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String p : uses.keySet()) {
            if (!index.containsKey(p)) {
                connect(p, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private void connect(String p, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                         Set<String> onStack, List<List<String>> out, int[] counter) {
        index.put(p, counter[0]);
        low.put(p, counter[0]);
        counter[0]++;
        stack.push(p);
        onStack.add(p);
        for (String q : uses.getOrDefault(p, Map.of()).keySet()) {
            if (!index.containsKey(q)) {
                connect(q, index, low, stack, onStack, out, counter);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (onStack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            List<String> component = new ArrayList<>();
            String q;
            do {
                q = stack.pop();
                onStack.remove(q);
                component.add(q);
            } while (!q.equals(p));
            component.sort(null);
            out.add(component);
        }
    }
}
