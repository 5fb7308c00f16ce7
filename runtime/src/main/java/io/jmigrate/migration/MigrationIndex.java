package io.jmigrate.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The application's migrations, listed at compile time: the processor writes the resource
 * {@value #RESOURCE} on every build (one class name per line, in version order; lines starting
 * with {@code #} are comments), so start-up reads one small file
 * instead of scanning the class path, and javac needs no extra round to compile an index class.
 */
public final class MigrationIndex {
  public static final String RESOURCE = "META-INF/jmigrate/migrations";

  private MigrationIndex() {}

  /** The index files visible to {@code loader}: one per application (more is an error for the caller). */
  public static List<URL> find(ClassLoader loader) {
    try {
      return Collections.list(loader.getResources(RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The migrations an index file lists, instantiated through {@code loader}. */
  public static List<Migration> load(URL index, ClassLoader loader) {
    List<Migration> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String name = line.trim();
        if (name.isEmpty() || name.startsWith("#")) {
          continue;
        }
        try {
          out.add((Migration) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException e) {
          throw new IllegalStateException("the migration index " + index + " names " + name
              + ", which is not a loadable Migration with a public no-argument constructor (" + e + ")."
              + " Rebuild the project.", e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
