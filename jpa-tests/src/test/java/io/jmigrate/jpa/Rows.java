package io.jmigrate.jpa;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * Rows through Hibernate: one new instance of every concrete entity, its fields filled from their
 * Java types (relations pointing at the instances written just before), written and loaded back;
 * and the table contents read over JDBC, to show that a migration kept every value.
 */
final class Rows {
  private Rows() {}

  /** Writes one instance of each concrete entity class in one transaction; {@code round} (below 300) makes the values unique. */
  static void write(SessionFactory sf, List<Class<?>> classes, int round) {
    List<Class<?>> pending = new ArrayList<>(classes.stream()
        .filter(c -> c.isAnnotationPresent(Entity.class) && !Modifier.isAbstract(c.getModifiers())).toList());
    // Ids from a sequence (on SQLite a table, updated on a second connection) before the first
    // IDENTITY insert: SQLite's one writer would otherwise wait for this transaction.
    pending.sort(java.util.Comparator.comparing(c -> !fromSequence(c)));
    Map<Class<?>, Object> written = new LinkedHashMap<>();
    int[] serial = {round * 100}; // unique values per instance, also across a hierarchy's tables
    sf.inTransaction(session -> {
      // An entity is written once every entity its required references point at has been.
      boolean progress = true;
      while (!pending.isEmpty() && progress) {
        progress = false;
        for (var it = pending.iterator(); it.hasNext(); ) {
          Class<?> c = it.next();
          Object entity = fill(c, written, ++serial[0]);
          if (entity != null) {
            session.persist(entity);
            written.put(c, entity);
            it.remove();
            progress = true;
          }
        }
      }
      if (!pending.isEmpty()) {
        throw new AssertionError("cannot fill required references of " + pending);
      }
    });
  }

  /** Loads every entity of every concrete entity class, with its collections, and returns how many of each. */
  static Map<String, Integer> load(SessionFactory sf, List<Class<?>> classes) {
    Map<String, Integer> counts = new TreeMap<>();
    sf.inTransaction(session -> {
      for (Class<?> c : classes) {
        if (!c.isAnnotationPresent(Entity.class)) {
          continue;
        }
        String name = session.getMetamodel().entity(c).getName();
        List<?> all = session.createQuery("select e from " + name + " e", c).getResultList();
        for (Object e : all) {
          for (Field f : fields(c)) {
            if (Collection.class.isAssignableFrom(f.getType())) {
              org.hibernate.Hibernate.initialize(get(f, e));
            }
          }
        }
        counts.put(c.getSimpleName(), all.size());
      }
    });
    return counts;
  }

  /** The rows of every table (but jmigrate_history) as column → value text, each table's rows sorted. */
  static Map<String, List<Map<String, String>>> contents(Connection c) throws SQLException {
    Map<String, List<Map<String, String>>> out = new TreeMap<>();
    DatabaseMetaData md = c.getMetaData();
    List<String> tables = new ArrayList<>();
    boolean noSchema = md.getDatabaseProductName().matches("(?i).*(mariadb|mysql|sqlite).*");
    try (ResultSet rs = md.getTables(c.getCatalog(), noSchema ? null : c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String t = rs.getString("TABLE_NAME");
        if (!t.equalsIgnoreCase("jmigrate_history") && !t.startsWith("sqlite_")) {
          tables.add(t);
        }
      }
    }
    String quote = md.getIdentifierQuoteString();
    for (String t : tables) {
      List<Map<String, String>> rows = new ArrayList<>();
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote + t + quote)) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, String> row = new TreeMap<>();
          for (int i = 1; i <= n; i++) {
            Object v = rs.getObject(i);
            String value = text(v);
            if (value != null && rs.getMetaData().getColumnType(i) == java.sql.Types.CHAR) {
              value = value.stripTrailing(); // a CHAR's padding is not part of its value (a wider CHAR pads more)
            }
            row.put(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), value);
          }
          rows.add(row);
        }
      }
      rows.sort(java.util.Comparator.comparing(Object::toString));
      out.put(t, rows);
    }
    return out;
  }

  /** A value as text; a large object by its contents (H2's Clob prints an id of its own on every read). */
  private static String text(Object v) throws SQLException {
    if (v instanceof java.sql.Array array) {
      return java.util.Arrays.deepToString((Object[]) array.getArray()); // H2's toString prints an id of its own
    }
    if (v instanceof java.sql.Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    if (v instanceof java.sql.Blob blob) {
      v = blob.getBytes(1, (int) blob.length());
    }
    return v == null ? null : v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : v.toString();
  }

  // ---- filling an instance from its fields' types

  /** A new instance with every field set, or null when a required reference has nothing to point at yet. */
  private static Object fill(Class<?> c, Map<Class<?>, Object> written, int round) {
    Object o = newInstance(c);
    List<Field> all = fields(c);
    for (Field f : all) {
      // A version, or a field hiding an inherited version (Hibernate reads the version through it): left null.
      if (f.isAnnotationPresent(Version.class) || all.stream().anyMatch(g -> g != f && g.getName().equals(f.getName())
          && g.isAnnotationPresent(Version.class))) {
        continue;
      }
      if ((f.isAnnotationPresent(Id.class) && f.isAnnotationPresent(GeneratedValue.class)) || f.isAnnotationPresent(MapsId.class)) {
        continue;
      }
      if (f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class)) {
        OneToOne one = f.getAnnotation(OneToOne.class);
        if (one != null && !one.mappedBy().isEmpty()) {
          continue;
        }
        Object target = latest(written, f.getType());
        boolean required = (one != null && !one.optional())
            || (f.isAnnotationPresent(ManyToOne.class) && !f.getAnnotation(ManyToOne.class).optional())
            || (f.isAnnotationPresent(JoinColumn.class) && !f.getAnnotation(JoinColumn.class).nullable())
            || f.isAnnotationPresent(Id.class);
        if (target == null && required) {
          return null;
        }
        set(f, o, target);
        continue;
      }
      if (Collection.class.isAssignableFrom(f.getType())) {
        fillCollection(f, o, written, round);
        continue;
      }
      Object value = value(f.getType(), f, written, round);
      if (value != null) {
        set(f, o, value);
      }
    }
    return o;
  }

  /** Owning sides of to-many relations get the instance written last; element collections one element. */
  @SuppressWarnings("unchecked")
  private static void fillCollection(Field f, Object o, Map<Class<?>, Object> written, int round) {
    Class<?> element = elementType(f);
    Object element0;
    if ((f.isAnnotationPresent(OneToMany.class) && f.getAnnotation(OneToMany.class).mappedBy().isEmpty())
        || (f.isAnnotationPresent(ManyToMany.class) && f.getAnnotation(ManyToMany.class).mappedBy().isEmpty())) {
      element0 = latest(written, element);
    } else if (f.isAnnotationPresent(jakarta.persistence.ElementCollection.class)) {
      element0 = value(element, null, written, round);
    } else if (!f.isAnnotationPresent(OneToMany.class) && !f.isAnnotationPresent(ManyToMany.class)) {
      element0 = value(element, null, written, round); // a basic collection: Hibernate's array column
    } else {
      return;
    }
    if (element0 == null) {
      return;
    }
    Collection<Object> collection = (Collection<Object>) get(f, o);
    if (collection == null) {
      collection = Set.class.isAssignableFrom(f.getType()) ? new HashSet<>() : new ArrayList<>();
      set(f, o, collection);
    }
    collection.add(element0);
  }

  private static Object value(Class<?> t, Field f, Map<Class<?>, Object> written, int round) {
    int length = f != null && f.isAnnotationPresent(jakarta.persistence.Column.class)
        ? f.getAnnotation(jakarta.persistence.Column.class).length() : 255;
    if (t == String.class && f != null && f.isAnnotationPresent(org.hibernate.annotations.JdbcTypeCode.class)
        && f.getAnnotation(org.hibernate.annotations.JdbcTypeCode.class).value() == org.hibernate.type.SqlTypes.JSON) {
      return "{\"round\": " + round + "}"; // a JSON document as its text
    }
    if (t == String.class) {
      String s = (f == null ? "v" : f.getName()) + round;
      return s.length() <= length ? s : s.substring(s.length() - length);
    }
    if (t == int.class || t == Integer.class) {
      return round;
    }
    if (t == long.class || t == Long.class) {
      return (long) round;
    }
    if (t == short.class || t == Short.class) {
      return (short) round;
    }
    if (t == byte.class || t == Byte.class) {
      return (byte) round;
    }
    if (t == boolean.class || t == Boolean.class) {
      return round % 2 == 1;
    }
    if (t == double.class || t == Double.class) {
      return round + 0.5;
    }
    if (t == float.class || t == Float.class) {
      return round + 0.25f;
    }
    if (t == char.class || t == Character.class) {
      return (char) ('a' + round % 26);
    }
    if (t == BigDecimal.class) {
      return new BigDecimal(round + ".25");
    }
    if (t == LocalDate.class) {
      return LocalDate.of(2024, 1, 1).plusDays(round);
    }
    if (t == LocalDateTime.class) {
      return LocalDateTime.of(2024, 1, 1, 12, 30, 15, 123_456_000).plusDays(round);
    }
    if (t == LocalTime.class) {
      return LocalTime.of(10, 20, round % 60);
    }
    if (t == Instant.class) {
      return Instant.parse("2024-01-01T12:00:00Z").plusSeconds(round);
    }
    if (t == OffsetDateTime.class) {
      return OffsetDateTime.of(2024, 1, 1, 12, 0, round % 60, 0, ZoneOffset.UTC);
    }
    if (t == java.util.Date.class) {
      return new java.util.Date(1_700_000_000_000L + round * 1000L);
    }
    if (t == UUID.class) {
      return UUID.nameUUIDFromBytes(("u" + round).getBytes(StandardCharsets.UTF_8));
    }
    if (t == byte[].class) {
      return new byte[] {1, 2, (byte) round};
    }
    if (t == char[].class) {
      return ("c" + round).toCharArray();
    }
    if (t == Character[].class) {
      return new Character[] {'C', (char) ('a' + round % 26)};
    }
    if (t == Byte[].class) {
      return new Byte[] {3, (byte) round};
    }
    if (t == java.sql.Blob.class) {
      return Rows.blob(new byte[] {4, (byte) round});
    }
    if (t == java.sql.Clob.class) {
      return Rows.clob("clob" + round);
    }
    if (t == String[].class) {
      return new String[] {"a" + round, "b, {c}"};
    }
    if (t == Integer[].class) {
      return new Integer[] {round, -round};
    }
    if (t == int[].class) {
      return new int[] {round, 7};
    }
    if (t == Long[].class) {
      return new Long[] {9_000_000_000L + round};
    }
    if (t == long[].class) {
      return new long[] {round};
    }
    if (t == java.util.Currency.class) {
      return java.util.Currency.getInstance(round % 2 == 0 ? "EUR" : "CHF");
    }
    if (t == java.time.Duration.class) {
      return java.time.Duration.ofSeconds(round, 123_456_789);
    }
    if (t == Map.class) {
      // a JSON document (@JdbcTypeCode(JSON)); a map of entities or values (@MapKeyColumn…) is left empty
      return f != null && f.isAnnotationPresent(org.hibernate.annotations.JdbcTypeCode.class)
          ? Map.of("round", round, "name", "v" + round) : null;
    }
    if (t.isEnum()) {
      Object[] constants = t.getEnumConstants();
      return constants[round % constants.length];
    }
    if (t.isAnnotationPresent(Embeddable.class) || (f != null && (f.isAnnotationPresent(jakarta.persistence.EmbeddedId.class)
        || f.isAnnotationPresent(jakarta.persistence.Embedded.class)))) { // Hibernate maps such a class without @Embeddable too
      return fill(t, written, round);
    }
    return null; // a type this harness does not know: left as the constructor made it
  }

  private static boolean fromSequence(Class<?> c) {
    for (Field f : fields(c)) {
      GeneratedValue g = f.getAnnotation(GeneratedValue.class);
      if (g != null && g.strategy() != jakarta.persistence.GenerationType.IDENTITY) {
        return true;
      }
    }
    return false;
  }

  private static Object latest(Map<Class<?>, Object> written, Class<?> type) {
    Object found = null;
    for (Map.Entry<Class<?>, Object> e : written.entrySet()) {
      if (type.isAssignableFrom(e.getKey())) {
        found = e.getValue();
      }
    }
    return found;
  }

  private static Class<?> elementType(Field f) {
    if (f.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  /** Persistent fields, the superclasses' first. */
  static List<Field> fields(Class<?> c) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      chain.add(0, k);
    }
    Set<Field> out = new LinkedHashSet<>();
    for (Class<?> k : chain) {
      for (Field f : k.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isAnnotationPresent(Transient.class) || f.isSynthetic()) {
          continue;
        }
        f.setAccessible(true);
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  private static Object newInstance(Class<?> c) {
    try {
      var constructor = c.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make a " + c.getName(), e);
    }
  }

  private static Object get(Field f, Object o) {
    try {
      return f.get(o);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(Field f, Object o, Object value) {
    if (Modifier.isFinal(f.getModifiers())) {
      return;
    }
    try {
      f.set(o, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Blob of these bytes that every Hibernate version binds (Hibernate 7's LobHelper is not in 6). */
  static java.sql.Blob blob(byte[] bytes) {
    try {
      return new javax.sql.rowset.serial.SerialBlob(bytes);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Clob of this text that every Hibernate version binds. */
  static java.sql.Clob clob(String text) {
    try {
      return new javax.sql.rowset.serial.SerialClob(text.toCharArray());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
