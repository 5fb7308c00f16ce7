package io.jmigrate.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a database has that the models do not describe, declared once and shared by {@code inspect}
 * (which writes it), {@code validate} and {@code baseline} (which accept it) and the migrations (which
 * never drop it): views, functions, triggers, enum types, domains, sequences, partitions, tables and
 * columns left out of the models, and attributes of modelled objects ({@code column t.c: comment =
 * 'x'}). It is the class-path resource {@value #RESOURCE} ({@code src/main/resources/}{@value
 * #RESOURCE} in a Maven project), one entry a line, {@code #} starting a comment:
 *
 * <pre>
 * view top_tracks
 * table legacy_import
 * column person.upper_name
 * column person.upper_name: generated = GENERATED ALWAYS AS (upper((name)::text)) STORED
 * column account.updated_at: on update = on update current_timestamp()
 * </pre>
 *
 * An entry says "the database may have this; keep it": a fresh database that does not have it is not
 * drift. Without the file nothing is declared.
 */
public final class Unmanaged {
  /** The resource's name on the class path. */
  public static final String RESOURCE = "META-INF/jmigrate/unmanaged";

  /** Nothing declared. */
  public static final Unmanaged NONE = new Unmanaged(List.of());

  /**
   * One line: an object ({@code view v}, {@code column t.c}), and for an attribute of it, its name
   * and value ({@code comment}, {@code 'why'}); both null for the object itself.
   */
  public record Entry(String object, String attribute, String value) implements Comparable<Entry> {
    public Entry {
      object = object.trim();
    }

    public static Entry object(String object) {
      return new Entry(object, null, null);
    }

    static Entry parse(String line) {
      int colon = line.indexOf(": ");
      if (colon < 0) {
        return object(line);
      }
      String rest = line.substring(colon + 2);
      int eq = rest.indexOf(" = ");
      return eq < 0 ? new Entry(line.substring(0, colon), rest.trim(), "")
          : new Entry(line.substring(0, colon), rest.substring(0, eq).trim(), rest.substring(eq + 3).trim());
    }

    /** The line as written. */
    public String line() {
      return attribute == null ? object : object + ": " + attribute + " = " + oneLine(value);
    }

    /** A value as a line holds it: line breaks (a multi-line comment, a generation expression) as one space. */
    public static String oneLine(String s) {
      return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    @Override
    public int compareTo(Entry o) {
      return line().compareTo(o.line());
    }
  }

  private final List<Entry> entries;

  public Unmanaged(List<Entry> entries) {
    this.entries = List.copyOf(new TreeSet<>(entries));
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * How validate and this file name a foreign key: {@code foreign key book.author_id->author.id}, one
   * of several columns {@code foreign key book.(a, b)->shelf.(a, b)}.
   */
  public static String foreignKey(String table, List<String> columns, String refTable, List<String> refColumns) {
    return "foreign key " + (columns.size() == 1 ? table + "." + columns.get(0) + "->" + refTable + "." + refColumns.get(0)
        : table + ".(" + String.join(", ", columns) + ")->" + refTable + ".(" + String.join(", ", refColumns) + ")");
  }

  /** Whether the object itself ({@code table t}, {@code column t.c}, {@code view v}) is declared. */
  public boolean declares(String object) {
    return entries.stream().anyMatch(e -> e.attribute() == null && e.object().equalsIgnoreCase(object));
  }

  /** The declared value of an attribute of an object, if declared. */
  public Optional<String> value(String object, String attribute) {
    return entries.stream()
        .filter(e -> e.attribute() != null && e.object().equalsIgnoreCase(object) && e.attribute().equals(attribute))
        .map(Entry::value).findFirst();
  }

  /** Parses the resource's text. */
  public static Unmanaged parse(String text) {
    List<Entry> out = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        out.add(Entry.parse(line));
      }
    }
    return new Unmanaged(out);
  }

  /** Every {@value #RESOURCE} on {@code loader}'s class path, together. */
  public static Unmanaged find(ClassLoader loader) {
    List<Entry> all = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(RESOURCE))) {
        try (InputStream in = url.openStream()) {
          all.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).entries);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + RESOURCE + ": " + e.getMessage(), e);
    }
    return new Unmanaged(all);
  }

  /** This declaration and {@code other}'s entries. */
  public Unmanaged and(Unmanaged other) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    return new Unmanaged(all);
  }

  /** The resource's text: a header saying what it is, then the entries, sorted. */
  public String text() {
    StringBuilder s = new StringBuilder();
    s.append("# What this database has that the models do not describe (written by jmigrate inspect; yours to edit).\n");
    s.append("# validate and baseline accept these; no migration drops them. One a line:\n");
    s.append("#   <object>                          left to the database (view v, table t, column t.c, ...)\n");
    s.append("#   <object>: <attribute> = <value>   kept by the database on a modelled object\n");
    entries.forEach(e -> s.append(e.line()).append('\n'));
    return s.toString();
  }
}
