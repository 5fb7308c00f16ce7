package io.jmigrate.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What jmigrate logs through {@link System.Logger} while open, as formatted messages: a
 * {@code java.util.logging} handler on the {@code io.jmigrate} logger (where the JDK's default
 * {@code System.Logger} goes).
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger = Logger.getLogger("io.jmigrate");
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Level level;
  private final Handler handler = new Handler() {
    private final SimpleFormatter format = new SimpleFormatter();

    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.INFO.intValue()) {
        lines.add(format.formatMessage(r));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  public LogCapture() {
    level = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.addHandler(handler);
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  public List<String> containing(String text) {
    return lines().stream().filter(l -> l.contains(text)).toList();
  }

  @Override
  public String toString() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(level);
  }
}
