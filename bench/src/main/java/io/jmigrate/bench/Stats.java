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
    double size = Math.abs(ms);
    return size >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
        : size >= 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.2f", ms);
  }

  /** "1.23×": this median over the other's. */
  String ratioTo(Stats baseline) {
    String ratio = String.format(Locale.ROOT, "%.2f×", median / baseline.median);
    // A baseline whose slowest run took more than twice its fastest: the ratio is shown, marked, not a result.
    return baseline.noisy() ? "(noisy baseline: " + ratio + ")" : ratio;
  }

  /**
   * How far {@code median(a) - median(b)} can be trusted, for runs taken in pairs ({@code a[i]} and {@code b[i]} in
   * the same round): the 2.5th and 97.5th percentiles of that difference over 2,000 resamplings of the rounds (a
   * percentile bootstrap; the seed fixed, so the same runs give the same interval).
   */
  static double[] medianDifferenceInterval(List<Double> a, List<Double> b) {
    int n = Math.min(a.size(), b.size());
    java.util.Random random = new java.util.Random(23);
    double[] d = new double[2_000];
    List<Double> ra = new ArrayList<>(n);
    List<Double> rb = new ArrayList<>(n);
    for (int k = 0; k < d.length; k++) {
      ra.clear();
      rb.clear();
      for (int i = 0; i < n; i++) {
        int round = random.nextInt(n);
        ra.add(a.get(round));
        rb.add(b.get(round));
      }
      d[k] = of(ra).median - of(rb).median;
    }
    java.util.Arrays.sort(d);
    return new double[] {d[(int) (d.length * 0.025)], d[(int) (d.length * 0.975) - 1]};
  }

  /**
   * Whether the runs spread more than 2× (slowest over fastest), over repetitions of a whole run (at most 20):
   * among hundreds of warm calls, the slowest is one collector pause, and the median is not moved by it.
   */
  boolean noisy() {
    return n > 1 && n <= 20 && max > 2 * min;
  }
}
