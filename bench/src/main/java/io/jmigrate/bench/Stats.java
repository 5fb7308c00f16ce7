package io.jmigrate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
    return String.format(Locale.ROOT, "%.2f×", median / baseline.median);
  }
}
