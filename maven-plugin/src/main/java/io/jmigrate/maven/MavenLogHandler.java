package io.jmigrate.maven;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.maven.plugin.logging.Log;

/**
 * jmigrate's log ({@code System.Logger} "io.jmigrate", which is java.util.logging inside Maven) as
 * Maven's {@code [INFO]}/{@code [WARNING]} lines while a goal runs, instead of JUL's two-line
 * records on stderr.
 */
final class MavenLogHandler extends Handler {
  private final Log log;

  private MavenLogHandler(Log log) {
    this.log = log;
  }

  /** Routes the "io.jmigrate" logger to {@code log} until closed. */
  static AutoCloseable route(Log log) {
    Logger logger = Logger.getLogger("io.jmigrate");
    boolean parents = logger.getUseParentHandlers();
    MavenLogHandler handler = new MavenLogHandler(log);
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    return () -> {
      logger.removeHandler(handler);
      logger.setUseParentHandlers(parents);
    };
  }

  @Override
  public void publish(LogRecord record) {
    String message = record.getParameters() == null || record.getParameters().length == 0 ? record.getMessage()
        : java.text.MessageFormat.format(record.getMessage(), record.getParameters());
    int level = record.getLevel().intValue();
    if (level >= Level.SEVERE.intValue()) {
      log.error(message);
    } else if (level >= Level.WARNING.intValue()) {
      log.warn(message);
    } else if (level >= Level.INFO.intValue()) {
      log.info(message);
    } else if (log.isDebugEnabled()) {
      log.debug(message);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
