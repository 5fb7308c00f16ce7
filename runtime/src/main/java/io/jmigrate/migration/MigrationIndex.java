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
 * {@value #RESOURCE} on every build, so start-up reads one small file instead of scanning the
 * class path, and javac needs no extra round to compile an index class.
 *
 * <p><b>Format</b> (pinned by {@code MigrationIndexFormatTest}): UTF-8 lines in version order;
 * blank lines and lines starting with {@code #} are comments. Each other line is
 * {@code className [version checksum fingerprint [squashed]]}, separated by single spaces:
 * <ul>
 *   <li>{@code className}: the migration's binary class name (the only field of the first format,
 *       which is still read: such an entry is {@linkplain Entry#known() not known} without loading);
 *   <li>{@code version}: its version, decimal;
 *   <li>{@code checksum}: its {@link Checksum} (format 1) as a signed decimal int, computed by the
 *       build from the compiled class, or {@code -} when the build could not compute it;
 *   <li>{@code fingerprint}: the {@link io.jmigrate.schema.SchemaFingerprint} it records, or {@code -};
 *   <li>{@code squashed}: present on a {@link SquashedMigration}, which replaces versions 1 to its own.
 * </ul>
 * What the index says lets an up-to-date database be recognised without loading any migration
 * class; anything pending, unknown or disagreeing takes the path that loads them.
 *
 * <p>When every checksum is known, the first line after the title comment may be the
 * {@linkplain Summary summary} {@code # summary: count latest versionSum checksumSum squashedThrough}
 * (a comment to older readers): what start-up compares with the history, so that it reads two
 * lines however long the history is.
 */
public final class MigrationIndex {
  public static final String RESOURCE = "META-INF/jmigrate/migrations";
  /** The word that marks a squashed migration's line. */
  public static final String SQUASHED = "squashed";

  private MigrationIndex() {}

  /**
   * One line of the index.
   *
   * @param version 0 when the line has the first format (class name only)
   * @param checksum null when the index does not know it
   * @param fingerprint null when the migration records none, or the index does not say
   */
  public record Entry(String className, int version, Integer checksum, String fingerprint, boolean squashed) {
    /** Whether the index says enough about this migration to compare it with the history unloaded. */
    public boolean known() {
      return version > 0 && checksum != null;
    }

    /** The line for this entry, as {@link #parse} reads it. */
    public String line() {
      if (version == 0) {
        return className;
      }
      return className + " " + version + " " + (checksum == null ? "-" : checksum.toString()) + " "
          + (fingerprint == null ? "-" : fingerprint) + (squashed ? " " + SQUASHED : "");
    }

    /** The entry a line gives; null for a comment or blank line. */
    public static Entry parse(String line) {
      String s = line.trim();
      if (s.isEmpty() || s.startsWith("#")) {
        return null;
      }
      String[] f = fields(s);
      if (f.length == 1) {
        return new Entry(f[0], 0, null, null, false); // the first format
      }
      if (f.length < 4 || f.length > 5 || (f.length == 5 && !f[4].equals(SQUASHED))) {
        throw new IllegalArgumentException("not a migration index line: " + line);
      }
      try {
        return new Entry(f[0], Integer.parseInt(f[1]), f[2].equals("-") ? null : Integer.valueOf(f[2]),
            f[3].equals("-") ? null : f[3], f.length == 5);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a migration index line: " + line, e);
      }
    }
  }

  /** Space-separated fields, split by hand: a regex split costs a pattern per line in a cold JVM (thousands of lines). */
  private static String[] fields(String line) {
    List<String> out = new ArrayList<>(5);
    int start = 0;
    while (start < line.length()) {
      int end = line.indexOf(' ', start);
      if (end < 0) {
        end = line.length();
      }
      if (end > start) {
        out.add(line.substring(start, end));
      }
      start = end + 1;
    }
    return out.toArray(new String[0]);
  }

  /**
   * What an up-to-date history must add up to: of the migrations above {@code squashedThrough}
   * (the latest squashed one's version, 0 if none), their number, the sum of their versions and of
   * their checksums (as longs); and the latest version.
   */
  public record Summary(long count, int latest, long versionSum, long checksumSum, int squashedThrough) {
    static final String PREFIX = "# summary: ";

    /** The summary of these entries, or null when one of them is not {@linkplain Entry#known() known}. */
    public static Summary of(List<Entry> entries) {
      int squashed = 0;
      int latest = 0;
      for (Entry e : entries) {
        if (!e.known() || e.version() <= latest) {
          return null;
        }
        latest = e.version();
        squashed = e.squashed() ? e.version() : squashed;
      }
      long count = 0;
      long versions = 0;
      long checksums = 0;
      for (Entry e : entries) {
        if (e.version() > squashed) {
          count++;
          versions += e.version();
          checksums += e.checksum();
        }
      }
      return latest == 0 ? null : new Summary(count, latest, versions, checksums, squashed);
    }

    public String line() {
      return PREFIX + count + " " + latest + " " + versionSum + " " + checksumSum + " " + squashedThrough;
    }

    /** The summary a line gives, or null when it is not one. */
    public static Summary parse(String line) {
      if (!line.startsWith(PREFIX)) {
        return null;
      }
      String[] f = fields(line.substring(PREFIX.length()));
      try {
        return f.length != 5 ? null : new Summary(Long.parseLong(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]),
            Long.parseLong(f[3]), Integer.parseInt(f[4]));
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /** The summary at the head of an index file, or null when it has none (read up to the first entry only). */
  public static Summary readSummary(URL index) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null && (line.isBlank() || line.startsWith("#")); line = r.readLine()) {
        Summary s = Summary.parse(line);
        if (s != null) {
          return s;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index files visible to {@code loader}: one per application (more is an error for the caller). */
  public static List<URL> find(ClassLoader loader) {
    try {
      return Collections.list(loader.getResources(RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries of an index file, without loading any class. */
  public static List<Entry> read(URL index) {
    List<Entry> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        Entry e;
        try {
          e = Entry.parse(line);
        } catch (IllegalArgumentException bad) {
          throw new IllegalStateException("the migration index " + index + " has a line it cannot read (\"" + line
              + "\"). Rebuild the project.", bad);
        }
        if (e != null) {
          out.add(e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The migrations an index file lists, instantiated through {@code loader}. */
  public static List<Migration> load(URL index, ClassLoader loader) {
    List<Migration> out = new ArrayList<>();
    for (Entry e : read(index)) {
      out.add(instantiate(e.className(), index, loader));
    }
    return out;
  }

  /** One migration the index names, instantiated through {@code loader}. */
  public static Migration instantiate(String name, URL index, ClassLoader loader) {
    try {
      return (Migration) Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new IllegalStateException("the migration index " + index + " names " + name
          + ", which is not a loadable Migration with a public no-argument constructor (" + e + ")."
          + " Rebuild the project.", e);
    }
  }
}
