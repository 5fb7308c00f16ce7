package io.jmigrate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Median, min and max of repeated measurements, in milliseconds. */
record Stats(double median, double min, double max, int n) {
  static Stats of(List<Double> millis) {
    List<Double> s = new ArrayList<>(millis);
    Collections.sort(s);
    int n = s.size();
    double median = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    return new Stats(median, s.get(0), s.get(n - 1), n);
  }

  /** Times {@code task} {@code reps} times after {@code warmups} untimed runs. */
  static Stats time(int warmups, int reps, Task task) throws Exception {
    for (int i = 0; i < warmups; i++) {
      task.run();
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      task.run();
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    return of(ms);
  }

  interface Task {
    void run() throws Exception;
  }

  /** Each task's measurements, one per round, in milliseconds: wall time, and the calling thread's CPU time. */
  record Rounds(Map<String, List<Double>> wall, Map<String, List<Double>> cpu) {}

  /**
   * Runs every task once per round, the order rotating by one each round, so that the load of a shared machine falls
   * on each alike; the first round is an untimed warm-up. A task's {@code setup}, if any, runs untimed before it.
   */
  static Rounds alternate(Map<String, Task> tasks, Map<String, Task> setup, int rounds) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> wall = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    tasks.keySet().forEach(k -> wall.put(k, new ArrayList<>()));
    tasks.keySet().forEach(k -> cpu.put(k, new ArrayList<>()));
    List<String> order = new ArrayList<>(tasks.keySet());
    for (int round = -1; round < rounds; round++) {
      for (int i = 0; i < order.size(); i++) {
        String k = order.get((i + Math.max(round, 0)) % order.size());
        Task before = setup.get(k);
        if (before != null) {
          before.run();
        }
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        tasks.get(k).run();
        if (round >= 0) {
          wall.get(k).add((System.nanoTime() - t0) / 1e6);
          cpu.get(k).add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
        }
      }
    }
    return new Rounds(wall, cpu);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s ms (%s–%s)", fmt(median), fmt(min), fmt(max));
  }

  static String fmt(double ms) {
    return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
        : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.2f", ms);
  }

  /** "1.23×": this median over the other's. */
  String ratioTo(Stats baseline) {
    String ratio = String.format(Locale.ROOT, "%.2f×", median / baseline.median);
    // A baseline whose slowest run took more than twice its fastest: the ratio is shown, marked, not a result.
    return baseline.noisy() ? "(noisy baseline: " + ratio + ")" : ratio;
  }

  /**
   * Whether the runs spread more than 2× (slowest over fastest), over repetitions of a whole run (at most 20):
   * among hundreds of warm calls, the slowest is one collector pause, and the median is not moved by it.
   */
  boolean noisy() {
    return n > 1 && n <= 20 && max > 2 * min;
  }
}
