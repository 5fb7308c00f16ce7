package io.jmigrate.bench.boot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * With {@code -Dbench.boot.steps=true}: Spring's start-up steps timed in the main thread's CPU time
 * (what a loaded machine's waiting does not inflate), each step's own time without its sub-steps,
 * summed by step and bean name and printed at ready. For finding where a tool's start-up time goes.
 */
final class CpuSteps implements ApplicationStartup {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private final Deque<Step> open = new ArrayDeque<>();
  private final Map<String, long[]> own = new TreeMap<>();
  private long ids;

  @Override
  public StartupStep start(String name) {
    Step s = new Step(name, ++ids, open.peek());
    open.push(s);
    return s;
  }

  void print() {
    own.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(60)
        .forEach(e -> System.out.printf("STEP %8.2f ms cpu %4d× %s%n", e.getValue()[0] / 1e6, e.getValue()[1], e.getKey()));
  }

  private final class Step implements StartupStep {
    private final String name;
    private final long id;
    private final Step parent;
    private final long started = CPU.getCurrentThreadCpuTime();
    private long children;
    private String label;

    Step(String name, long id, Step parent) {
      this.name = name;
      this.id = id;
      this.parent = parent;
      this.label = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public long getId() {
      return id;
    }

    @Override
    public Long getParentId() {
      return parent == null ? null : parent.id;
    }

    @Override
    public StartupStep tag(String key, String value) {
      if (key.equals("beanName") || key.equals("postProcessor") || key.equals("classCount")) {
        label = name + " " + value;
      }
      return this;
    }

    @Override
    public StartupStep tag(String key, Supplier<String> value) {
      return tag(key, value.get());
    }

    @Override
    public Tags getTags() {
      return () -> new Iterator<>() {
        @Override
        public boolean hasNext() {
          return false;
        }

        @Override
        public Tag next() {
          throw new java.util.NoSuchElementException();
        }
      };
    }

    @Override
    public void end() {
      long total = CPU.getCurrentThreadCpuTime() - started;
      if (open.peek() == this) {
        open.pop();
      }
      if (parent != null) {
        parent.children += total;
      }
      long[] sum = own.computeIfAbsent(label.replaceAll("\\$\\$.*", ""), k -> new long[2]);
      sum[0] += total - children;
      sum[1]++;
    }
  }
}
