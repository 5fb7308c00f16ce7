package io.jmigrate.internal.cli;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * While a command runs, jmigrate's log (the {@code io.jmigrate} loggers through
 * {@code java.util.logging}, where {@link System.Logger} goes unless the class path brings another
 * logging back end) is printed on the command's stderr, one line each: {@code jmigrate: applying
 * V0002 …}, {@code jmigrate: waiting for …}. The logger's own handlers are suspended meanwhile,
 * so nothing is printed twice; closing restores them.
 */
final class LogToStderr implements AutoCloseable {
  private final Logger logger = Logger.getLogger("io.jmigrate");
  private final boolean useParents;
  private final Level level;
  private final Handler handler;

  LogToStderr(PrintStream err) {
    this.useParents = logger.getUseParentHandlers();
    this.level = logger.getLevel();
    Formatter messages = new SimpleFormatter();
    this.handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (!isLoggable(r)) {
          return;
        }
        String level = r.getLevel().intValue() >= Level.SEVERE.intValue() ? "error: "
            : r.getLevel().intValue() >= Level.WARNING.intValue() ? "warning: " : "";
        err.println("jmigrate: " + level + messages.formatMessage(r));
        err.flush();
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {}
    };
    handler.setLevel(Level.INFO);
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    if (level == null || level.intValue() > Level.INFO.intValue()) {
      logger.setLevel(Level.INFO);
    }
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(useParents);
    logger.setLevel(level);
  }
}
