package io.jmigrate.inspect;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.schema.SequenceDefinition;
import io.jmigrate.schema.TableDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code inspect} read from a live database: one model class per table it can describe, and a
 * finding for everything it cannot (views, triggers, functions, domains, enum types, check
 * constraints, partitions, tables with columns of unsupported types, keys a model cannot declare),
 * which is reported and left in the database as it is. Like Django's {@code inspectdb}, EF Core's
 * {@code scaffold} and Prisma's {@code db pull}; unlike them, existing constraint and index names
 * are kept in the models, so later migrations address the database's own names.
 */
public final class Inspection {
  private final String dialect;
  private final List<InspectedTable> tables;
  private final List<Finding> findings;
  private final List<SequenceDefinition> sequences;
  private final Unmanaged unmanaged;
  private final List<io.jmigrate.schema.EnumTypeDefinition> enumTypes;

  Inspection(String dialect, List<InspectedTable> tables, List<Finding> findings, List<SequenceDefinition> sequences,
      Unmanaged unmanaged) {
    this(dialect, tables, findings, sequences, unmanaged, List.of());
  }

  Inspection(String dialect, List<InspectedTable> tables, List<Finding> findings, List<SequenceDefinition> sequences,
      Unmanaged unmanaged, List<io.jmigrate.schema.EnumTypeDefinition> enumTypes) {
    this.enumTypes = List.copyOf(enumTypes);
    this.sequences = List.copyOf(sequences);
    this.dialect = dialect;
    this.unmanaged = unmanaged;
    this.tables = List.copyOf(tables);
    List<Finding> all = new ArrayList<>(findings);
    tables.forEach(t -> all.addAll(t.leftOut()));
    this.findings = List.copyOf(all);
  }

  /**
   * Reads the catalog of the connection's current schema: every table, or only those named in
   * {@code only} (an unknown name is an {@link IllegalArgumentException}).
   */
  public static Inspection of(Connection connection, Set<String> only) throws SQLException {
    return new CatalogReader(connection).read(only);
  }

  /** The dialect's name: {@code sqlite}, {@code postgresql}, … */
  public String dialect() {
    return dialect;
  }

  /** The tables that have a model, by name. */
  public List<String> tables() {
    return tables.stream().map(t -> t.table().name()).toList();
  }

  List<InspectedTable> inspected() {
    return tables;
  }

  /** Everything left out or kept only in part, in the order found. */
  public List<Finding> findings() {
    return findings;
  }

  /**
   * Writes one class per table into {@code sourceDir}, in {@code pkg}; returns the files. An existing
   * file is not overwritten: inspect writes new models, it does not edit yours.
   */
  public List<Path> write(Path sourceDir, String pkg) throws IOException {
    return write(sourceDir, pkg, false);
  }

  /**
   * … as {@code jakarta.persistence} entities when {@code jpa} ({@code inspect --jpa}), which
   * jmigrate's JPA extractor reads back into the same tables; see {@link #jpaFindings()}.
   */
  public List<Path> write(Path sourceDir, String pkg, boolean jpa) throws IOException {
    // An entity needs an @Id: with --jpa a table without a primary key is left out (see jpaFindings).
    List<InspectedTable> tables = jpa ? this.tables.stream().filter(JpaModelSource::expressible).toList() : this.tables;
    Map<String, String> classes = new java.util.LinkedHashMap<>(ModelSource.classNames(tables.stream().map(t -> t.table().name()).toList(),
        jpa ? JpaModelSource.TAKEN : Set.of()));
    // Each enum type as a Java enum of its labels, named after it (Type added where a model class has the name).
    Map<String, String> enumClasses = new java.util.TreeMap<>();
    for (io.jmigrate.schema.EnumTypeDefinition e : jpa ? List.<io.jmigrate.schema.EnumTypeDefinition>of() : enumTypes) {
      String name = ModelSource.pascal(e.name());
      Set<String> taken = new java.util.HashSet<>();
      classes.values().forEach(c -> taken.add(c.toLowerCase(java.util.Locale.ROOT)));
      enumClasses.values().forEach(c -> taken.add(c.toLowerCase(java.util.Locale.ROOT)));
      while (taken.contains(name.toLowerCase(java.util.Locale.ROOT)) || ModelSource.isTaken(name)) {
        name = name + "Type";
      }
      enumClasses.put(e.name(), name);
    }
    enumClasses.forEach((type, name) -> classes.put(ModelSource.ENUM_KEY + type, name));
    Path dir = sourceDir.resolve(pkg.replace('.', '/'));
    List<Path> existing = new ArrayList<>();
    for (String name : classes.values()) {
      Path file = dir.resolve(name + ".java");
      if (Files.exists(file)) {
        existing.add(file);
      }
    }
    if (!existing.isEmpty()) {
      throw new IOException("not overwriting " + existing.size() + " existing file(s), e.g. " + existing.get(0)
          + ": move them away, or inspect into another package");
    }
    Files.createDirectories(dir);
    Map<String, TableDefinition> definitions = new HashMap<>();
    tables.forEach(t -> definitions.put(t.table().name(), t.table()));
    List<Path> out = new ArrayList<>();
    Map<String, List<SequenceDefinition>> sequencesByTable = sequencesByTable(tables);
    for (io.jmigrate.schema.EnumTypeDefinition e : jpa ? List.<io.jmigrate.schema.EnumTypeDefinition>of() : enumTypes) {
      Path file = dir.resolve(enumClasses.get(e.name()) + ".java");
      Files.writeString(file, "package " + pkg + ";\n\n/** The PostgreSQL enum type {@code " + e.name() + "}, its labels in their order,"
          + " as jmigrate inspect read it from a " + dialect + " database. */\npublic enum " + enumClasses.get(e.name()) + " {\n  "
          + String.join(",\n  ", e.labels()) + "\n}\n", StandardCharsets.UTF_8);
      out.add(file);
    }
    for (InspectedTable t : tables) {
      Path file = dir.resolve(classes.get(t.table().name()) + ".java");
      String source = jpa ? JpaModelSource.of(pkg, t, classes, definitions, dialect) : ModelSource.of(pkg, t, classes, dialect);
      Files.writeString(file, withSequences(source, t.table().name(), sequencesByTable.getOrDefault(t.table().name(), List.of())),
          StandardCharsets.UTF_8);
      out.add(file);
    }
    return out;
  }

  /** The PostgreSQL enum types the modelled tables' columns use, by name (each written as a Java enum). */
  public List<io.jmigrate.schema.EnumTypeDefinition> enumTypes() {
    return enumTypes;
  }

  /** The sequences, by name; those no column owns (a serial's or identity's is its column's). */
  public List<SequenceDefinition> sequences() {
    return sequences;
  }

  /**
   * Each sequence goes on a model as {@code @Sequence}: on the table it is named after ({@code <table>_seq},
   * {@code <table>_id_seq}, the longest table name it starts with), else on the first table.
   */
  private Map<String, List<SequenceDefinition>> sequencesByTable(List<InspectedTable> tables) {
    Map<String, List<SequenceDefinition>> out = new HashMap<>();
    if (tables.isEmpty()) {
      return out;
    }
    for (SequenceDefinition q : sequences) {
      String owner = tables.get(0).table().name();
      for (InspectedTable t : tables) {
        String n = t.table().name();
        if (q.name().startsWith(n + "_") && (!q.name().startsWith(owner + "_") || n.length() > owner.length())) {
          owner = n;
        }
      }
      out.computeIfAbsent(owner, k -> new ArrayList<>()).add(q);
    }
    return out;
  }

  /** The model's source with an {@code @io.jmigrate.Sequence} line per sequence before its class declaration. */
  private static String withSequences(String source, String table, List<SequenceDefinition> sequences) {
    if (sequences.isEmpty()) {
      return source;
    }
    StringBuilder lines = new StringBuilder();
    for (SequenceDefinition q : sequences) {
      List<String> args = new ArrayList<>();
      if (!q.name().equals(table + "_seq")) {
        args.add("name = " + ModelSource.literal(q.name()));
      }
      if (q.start() != 1) {
        args.add("start = " + q.start() + "L");
      }
      if (q.increment() != 1) {
        args.add("increment = " + q.increment() + "L");
      }
      lines.append("@io.jmigrate.Sequence").append(args.isEmpty() ? "" : "(" + String.join(", ", args) + ")").append('\n');
    }
    int at = source.indexOf("\npublic class ");
    return source.substring(0, at + 1) + lines + source.substring(at + 1);
  }

  /**
   * What entities cannot declare beyond {@link #findings()} (a table without a primary key, an ON
   * UPDATE action): {@code --jpa} reports these too.
   */
  public List<Finding> jpaFindings() {
    return tables.stream().flatMap(t -> JpaModelSource.findings(t).stream()).toList();
  }

  /**
   * What the database keeps and the models do not describe: every object left out, and the attributes
   * of modelled objects that the models do not carry. {@link #writeUnmanaged} writes it where
   * validate, baseline and migrate read it.
   */
  public Unmanaged unmanaged() {
    return unmanaged;
  }

  /**
   * {@link #unmanaged()}, and when {@code jpa} also what entities cannot declare and the database keeps: the ON
   * UPDATE actions of foreign keys ({@code foreign key c.p_id->p.id: on update = CASCADE}), the tables left out for
   * want of a primary key and the foreign keys to them; validate and baseline accept them.
   */
  public Unmanaged unmanaged(boolean jpa) {
    if (!jpa) {
      return unmanaged;
    }
    List<Unmanaged.Entry> more = new ArrayList<>();
    Set<String> entities = new java.util.HashSet<>();
    tables.stream().filter(JpaModelSource::expressible).forEach(t -> entities.add(t.table().name()));
    for (InspectedTable t : tables) {
      if (!entities.contains(t.table().name())) { // left out (no primary key): the database keeps it
        more.add(Unmanaged.Entry.object("table " + t.table().name()));
        continue;
      }
      more.addAll(JpaModelSource.declared(t));
      for (io.jmigrate.schema.ForeignKeyDefinition fk : t.table().foreignKeys()) {
        if (!entities.contains(fk.refTable())) { // a key to a table left out: the entity does not declare it
          more.add(Unmanaged.Entry.object(Unmanaged.foreignKey(t.table().name(), fk.columns(), fk.refTable(), fk.refColumns())));
        }
      }
    }
    return unmanaged.and(new Unmanaged(more));
  }

  /**
   * Writes {@link #unmanaged()} to {@code resourceDir}/{@value Unmanaged#RESOURCE} (with the entries an
   * existing file has, which stay); returns the file, or null when there is nothing to declare.
   */
  public Path writeUnmanaged(Path resourceDir) throws IOException {
    return writeUnmanaged(resourceDir, false);
  }

  /**
   * … with, when {@code jpa}, what entities cannot declare and the database keeps (an ON UPDATE action of a
   * foreign key), see {@link #unmanaged(boolean)}.
   */
  public Path writeUnmanaged(Path resourceDir, boolean jpa) throws IOException {
    Path file = resourceDir.resolve(Unmanaged.RESOURCE);
    Unmanaged all = unmanaged(jpa);
    if (Files.exists(file)) {
      all = Unmanaged.parse(Files.readString(file, StandardCharsets.UTF_8)).and(unmanaged);
    }
    if (all.entries().isEmpty()) {
      return null;
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, all.text(), StandardCharsets.UTF_8);
    return file;
  }

  private static final String PARTITION = "partition ";
  private static final String PARTITION_OF = "left out: a partition of ";

  /** The report: what has a model, then every finding, one per line (a table's partitions on one). */
  public String report() {
    StringBuilder s = new StringBuilder();
    s.append(tables.size()).append(" table(s) with a model");
    if (!tables.isEmpty()) {
      s.append(": ").append(String.join(", ", tables()));
    }
    s.append('\n');
    if (findings.isEmpty()) {
      s.append("nothing left out\n");
    } else {
      s.append(findings.size()).append(" thing(s) left out or kept only in part (they stay in the database as they are):\n");
      // A partitioned table's partitions (Pagila's payment has 55) are one line: their count and names.
      Map<String, List<String>> partitions = new java.util.LinkedHashMap<>();
      for (Finding f : findings) {
        if (f.object().startsWith(PARTITION) && f.what().startsWith(PARTITION_OF)) {
          partitions.computeIfAbsent(f.what(), w -> new ArrayList<>()).add(f.object().substring(PARTITION.length()));
        }
      }
      for (Finding f : findings) {
        List<String> group = partitions.get(f.what());
        if (group == null || group.size() < 2 || !f.object().startsWith(PARTITION)) {
          s.append("  - ").append(f).append('\n');
        } else if (group.get(0).equals(f.object().substring(PARTITION.length()))) {
          String parent = f.what().substring(PARTITION_OF.length(), f.what().indexOf(','));
          List<String> sorted = group.stream().sorted().toList();
          s.append("  - ").append(group.size()).append(" partitions of ").append(parent).append(" (")
              .append(group.size() == 2 ? sorted.get(0) + ", " + sorted.get(1)
                  : sorted.get(0) + " … " + sorted.get(sorted.size() - 1))
              .append("): left out: they hold its rows; partitioning has no model form, and no migration touches"
                  + " them (each is declared one by one)\n");
        }
      }
    }
    return s.toString();
  }
}
