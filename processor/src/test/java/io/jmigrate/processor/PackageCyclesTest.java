package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of the processor or of the runtime depends, through any chain, on a package that depends on it:
 * the layout reads as the pipeline (extract → validate → build → diff → order → write; engine → dialect).
 * A package and its subpackages are separate nodes. Edges come from {@code import} lines and from
 * fully-qualified names in code (comments and string literals removed), resolved to the longest known package.
 */
class PackageCyclesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theProcessorsPackagesHaveNoCycle() {
        assertNoCycle(ROOT.resolve("processor/src/main/java"), "io.jmigrate.processor");
    }

    @Test
    void theRuntimesPackagesHaveNoCycle() {
        assertNoCycle(ROOT.resolve("runtime/src/main/java"), "io.jmigrate");
    }

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.jmigrate(?:\\.[a-z_][\\w]*)*\\.[A-Z]\\w*");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])+'", Pattern.DOTALL);

    private static void assertNoCycle(Path sources, String root) {
        assertTrue(Files.isDirectory(sources), sources + " is not a directory");
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.put(p, read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> packages = new TreeSet<>();
        Map<Path, String> packageOf = new HashMap<>();
        files.forEach((file, text) -> {
            Matcher m = PACKAGE.matcher(text);
            if (m.find() && m.group(1).startsWith(root)) {
                packages.add(m.group(1));
                packageOf.put(file, m.group(1));
            }
        });
        // edges: from → (to → one example "File.java: import x.y.Z")
        Map<String, Map<String, String>> edges = new TreeMap<>();
        files.forEach((file, text) -> {
            String from = packageOf.get(file);
            if (from == null) {
                return;
            }
            List<String> names = new ArrayList<>();
            Matcher im = IMPORT.matcher(text);
            while (im.find()) {
                names.add(im.group(1));
            }
            String code = COMMENTS_AND_STRINGS.matcher(text).replaceAll(" ");
            code = IMPORT.matcher(PACKAGE.matcher(code).replaceAll("")).replaceAll("");
            Matcher qm = QUALIFIED.matcher(code);
            while (qm.find()) {
                names.add(qm.group());
            }
            for (String name : names) {
                String to = owningPackage(name, packages);
                if (to != null && !to.equals(from)) {
                    edges.computeIfAbsent(from, k -> new TreeMap<>())
                            .putIfAbsent(to, file.getFileName() + " uses " + name);
                }
            }
        });
        List<Set<String>> cycles = stronglyConnected(packages, edges);
        if (!cycles.isEmpty()) {
            StringBuilder report = new StringBuilder("package cycles under " + root + ":\n");
            for (Set<String> cycle : cycles) {
                report.append("  cycle ").append(cycle).append('\n');
                for (String from : cycle) {
                    edges.getOrDefault(from, Map.of()).forEach((to, example) -> {
                        if (cycle.contains(to)) {
                            report.append("    ").append(from).append(" → ").append(to)
                                    .append("  (").append(example).append(")\n");
                        }
                    });
                }
            }
            fail(report.toString());
        }
    }

    /** The longest known package that is a prefix of the name (a class, a nested class or a static member). */
    private static String owningPackage(String name, Set<String> packages) {
        String candidate = name;
        while (candidate.contains(".")) {
            if (packages.contains(candidate)) {
                return candidate;
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('.'));
        }
        return null;
    }

    /** Tarjan's algorithm; only components of more than one package are returned. */
    private static List<Set<String>> stronglyConnected(Set<String> nodes, Map<String, Map<String, String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> result = new ArrayList<>();
        int[] counter = {0};
        for (String node : nodes) {
            if (!index.containsKey(node)) {
                visit(node, edges, index, low, stack, onStack, result, counter);
            }
        }
        return result;
    }

    private static void visit(String node, Map<String, Map<String, String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> result, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                visit(next, edges, index, low, stack, onStack, result, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                result.add(component);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
