package io.jmigrate.processor.model.extract;

import io.jmigrate.schema.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The column type Hibernate 7 gives a basic attribute, as a jmigrate type: the types jmigrate
 * shares with every extractor, plus the ones only JPA maps ({@code byte} is a SMALLINT as on
 * PostgreSQL, {@code java.util.Date} a TIMESTAMP, {@code Locale} a VARCHAR(255), …).
 */
final class JpaTypes {
  /** A column type with Hibernate's sizes: 255 characters for text, numeric(38,2) for BigDecimal. */
  record Sized(ColumnType type, int length, int precision, int scale, String sqlType) {
    Sized(ColumnType type, int length, int precision, int scale) {
      this(type, length, precision, scale, null);
    }

    /** A type jmigrate does not model, as written ({@link ColumnType#NATIVE}). */
    static Sized nativeType(String sql) {
      return new Sized(ColumnType.NATIVE, 0, 0, 0, sql);
    }

    static Sized of(ColumnType type) {
      return switch (type) {
        case STRING -> new Sized(type, 255, 0, 0);
        case DECIMAL -> new Sized(type, 0, 38, 2);
        case CHAR -> new Sized(type, 1, 0, 0);
        case STRING_ARRAY -> new Sized(type, 255, 0, 0); // varchar(255) array
        default -> new Sized(type, 0, 0, 0);
      };
    }
  }

  private static final Map<String, Sized> EXTRA = Map.ofEntries(
      Map.entry("java.lang.Byte", Sized.of(ColumnType.SMALLINT)),
      Map.entry("java.util.Date", Sized.of(ColumnType.TIMESTAMP)),
      Map.entry("java.util.Calendar", Sized.of(ColumnType.TIMESTAMP)),
      Map.entry("java.sql.Date", Sized.of(ColumnType.DATE)),
      Map.entry("java.sql.Time", Sized.of(ColumnType.TIME)),
      Map.entry("java.sql.Timestamp", Sized.of(ColumnType.TIMESTAMP)),
      Map.entry("java.time.ZonedDateTime", Sized.of(ColumnType.TIMESTAMP_TZ)),
      Map.entry("java.math.BigInteger", new Sized(ColumnType.DECIMAL, 0, 38, 0)),
      Map.entry("java.util.Locale", Sized.of(ColumnType.STRING)),
      Map.entry("java.util.Currency", new Sized(ColumnType.STRING, 3, 0, 0)), // an ISO 4217 code, even under @Column
      Map.entry("java.time.Duration", new Sized(ColumnType.DECIMAL, 0, 21, 0)), // nanoseconds, Hibernate's default
      Map.entry("java.util.TimeZone", Sized.of(ColumnType.STRING)),
      Map.entry("java.net.URL", Sized.of(ColumnType.STRING)),
      // Hibernate maps these as large objects with or without @Lob.
      Map.entry("java.sql.Clob", Sized.of(ColumnType.CLOB)),
      Map.entry("java.sql.Blob", Sized.of(ColumnType.BLOB)));

  /** {@code org.hibernate.type.SqlTypes} codes that {@code @JdbcTypeCode} may give and jmigrate reads. */
  static final int CHAR = 1;
  static final int NCHAR = -15;
  static final int JSON = 3001;
  static final int ARRAY = 2003;
  static final int NAMED_ENUM = 6001;
  static final int LONGVARCHAR = -1;
  static final int LONGNVARCHAR = -16;
  static final int LONG32VARCHAR = 4001;
  static final int LONG32NVARCHAR = 4002;
  static final int INTERVAL_SECOND = 3100;
  private static final java.util.Set<String> PLURAL = java.util.Set.of("java.util.List", "java.util.Set",
      "java.util.Collection");

  private JpaTypes() {}

  /**
   * The column of an attribute with {@code @JdbcTypeCode(code)}: JSON for {@code SqlTypes.JSON} (any
   * Java type: Hibernate writes it as a document), CHAR for {@code SqlTypes.CHAR}/{@code NCHAR}, LONG_TEXT for
   * {@code SqlTypes.LONG32VARCHAR}/{@code LONG32NVARCHAR};
   * null for a code jmigrate does not read.
   */
  static Sized jdbcTypeCode(int code) {
    return switch (code) {
      case JSON -> new Sized(ColumnType.JSON, 0, 0, 0);
      case CHAR, NCHAR -> Sized.of(ColumnType.CHAR);
      case NAMED_ENUM -> Sized.of(ColumnType.ENUM); // the type's name and labels come from the Java enum
      // Hibernate's replacement of the old TextType: text on PostgreSQL, a CLOB on H2, TINYTEXT … LONGTEXT on MariaDB
      case LONG32VARCHAR, LONG32NVARCHAR -> Sized.of(ColumnType.LONG_TEXT);
      case LONGVARCHAR, LONGNVARCHAR -> new Sized(ColumnType.STRING, 32_600, 0, 0); // Hibernate's Length.LONG
      default -> null;
    };
  }

  /**
   * Hibernate's own JSON {@code JdbcType}s, by class name (6's and 7's packages): {@code @JdbcType(X.class)} makes
   * the column the database's JSON type (measured: {@code jsonb} on PostgreSQL, {@code json} on H2), whatever a
   * {@code @Convert} beside it stores.
   */
  private static final java.util.Set<String> JSON_JDBC_TYPES = java.util.Set.of(
      "org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonbType", "org.hibernate.dialect.PostgreSQLJsonPGObjectJsonbType",
      "org.hibernate.type.descriptor.jdbc.JsonJdbcType");

  /** The column of an attribute with {@code @JdbcType} of the named class; null for a class jmigrate does not read. */
  static Sized jdbcType(String className) {
    return JSON_JDBC_TYPES.contains(className) ? new Sized(ColumnType.JSON, 0, 0, 0) : null;
  }

  /** Whether jmigrate reads {@code @JdbcTypeCode(code)}: JSON and CHAR, and ARRAY, which the Java type already says. */
  static boolean reads(int code) {
    return jdbcTypeCode(code) != null || code == ARRAY || code == INTERVAL_SECOND;
  }

  /** Hibernate's column for a basic Java type, or null when jmigrate has no column type for it. */
  static Sized basic(TypeMirror type) {
    if (type.getKind() == TypeKind.BYTE) {
      return Sized.of(ColumnType.SMALLINT); // Hibernate's TINYINT, which PostgreSQL spells smallint
    }
    if (type.getKind() == TypeKind.DECLARED) {
      Element e = ((DeclaredType) type).asElement();
      if (e.getKind() == ElementKind.ENUM) {
        return null; // the caller knows @Enumerated
      }
      String name = ((TypeElement) e).getQualifiedName().toString();
      Sized extra = EXTRA.get(name);
      if (extra != null) {
        return extra;
      }
      // Hibernate 6+ maps a basic List<String> (no @ElementCollection) as an array, as a String[].
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      if (PLURAL.contains(name) && args.size() == 1 && !isEnum(args.get(0))) {
        ColumnType array = TypeMapping.arrayOf(TypeMapping.columnType(args.get(0)));
        return array == null ? null : Sized.of(array);
      }
    }
    ColumnType t = TypeMapping.columnType(type);
    return t == null ? null : Sized.of(t);
  }

  static boolean isEnum(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
  }

  static String qualifiedName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString() : type.toString();
  }

  /** A word of a column definition that is not part of a type: what follows the type in a column's definition. */
  private static final java.util.Set<String> NOT_A_TYPE = java.util.Set.of("not", "null", "default", "primary", "key",
      "unique", "check", "references", "constraint", "generated", "collate", "auto_increment", "identity", "as",
      "on", "comment", "set", "charset", "invisible", "always", "stored", "virtual",
      "serial", "bigserial", "smallserial", "serial2", "serial4", "serial8"); // PostgreSQL's: a sequence and a default

  /** One word of a type name (a schema may qualify it), a quoted name, a number, or punctuation of a type. */
  private static final Pattern TYPE_TOKEN = Pattern.compile(
      "\\s*(?:(\"[^\"]+\")|([A-Za-z_][A-Za-z0-9_$]*)|(\\d+)|([().,\\[\\]]))");

  /**
   * A type whose modifiers are a list of quoted values: MariaDB's (and MySQL's) {@code enum('a','b')} and
   * {@code set('x','y')}, H2's {@code ENUM('a', 'b')}; a value may hold a doubled quote, not a backslash (whose
   * meaning depends on the server's SQL mode). The same form as inspect's (JpaModelSource).
   */
  private static final Pattern QUOTED_LIST = Pattern.compile(
      "(?i)(?:enum|set)\\s*\\(\\s*'(?:[^'\\\\]|'')*'(?:\\s*,\\s*'(?:[^'\\\\]|'')*')*\\s*\\)");

  /** Whether {@code sql} is an enum's or set's list of quoted values ({@code enum('a','b')}, {@code set('x','y')}). */
  static boolean quotedList(String sql) {
    return QUOTED_LIST.matcher(sql.strip()).matches();
  }

  /**
   * A {@code columnDefinition} that is one SQL type jmigrate does not model ({@code tsvector}, {@code inet},
   * {@code interval second(6)}, {@code citext[]}, a domain's name, {@code enum('a','b')}): the definition as written,
   * trimmed; null when it holds anything but a type's name, modifiers and array brackets (a default, NOT NULL, a
   * constraint, a quote outside an enum's or set's list of values).
   */
  static String nativeType(String sql) {
    String trimmed = sql.strip();
    if (QUOTED_LIST.matcher(trimmed).matches()) {
      return trimmed; // MariaDB's enum('a','b') and set('x','y'), H2's ENUM('a', 'b'): one type, its values quoted
    }
    Matcher m = TYPE_TOKEN.matcher(trimmed);
    int at = 0;
    int depth = 0;
    boolean named = false;
    while (at < trimmed.length()) {
      if (!m.find(at) || m.start() != at) {
        return null; // a quote, an operator, a ';' …: not a type's spelling
      }
      at = m.end();
      String word = m.group(2);
      String punctuation = m.group(4);
      if (word != null && NOT_A_TYPE.contains(word.toLowerCase(Locale.ROOT))) {
        return null;
      }
      if ((word != null || m.group(1) != null) && depth == 0) {
        named = true;
      } else if (word != null || m.group(1) != null) {
        return null; // a name inside parentheses: an enum's or a check's list, not a size
      }
      if (punctuation != null) {
        depth += punctuation.equals("(") ? 1 : punctuation.equals(")") ? -1 : 0;
        if (depth < 0 || depth > 1 || punctuation.equals(",") && depth == 0) {
          return null;
        }
      }
    }
    return named && depth == 0 && !trimmed.startsWith("(") ? trimmed : null;
  }

  private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

  /**
   * A {@code columnDefinition} read as a jmigrate type, or null when it is not one plain type (it
   * has a default, a constraint, or a type jmigrate does not have).
   */
  static Sized definition(String sql) {
    String plain = sql.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    // An array of a plain type, PostgreSQL's "text[]" or the standard's "varchar(20) array": what a String[],
    // int[] or long[] (or List of them) maps to, with the element's length.
    for (String suffix : new String[] {"[]", " array"}) {
      if (plain.endsWith(suffix)) {
        Sized element = definition(plain.substring(0, plain.length() - suffix.length()));
        ColumnType array = element == null ? null : TypeMapping.arrayOf(element.type());
        return array == null ? null : new Sized(array, element.length(), 0, 0);
      }
    }
    Matcher m = SIZED.matcher(plain);
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1).trim();
    Integer a = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    int b = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    switch (name) {
      case "varchar", "character varying", "nvarchar", "varchar2":
        return a == null ? null : new Sized(ColumnType.STRING, a, 0, 0);
      case "text", "longtext", "mediumtext":
        return a == null ? new Sized(ColumnType.STRING, 0, 0, 0) : null;
      case "numeric", "decimal":
        return a == null ? new Sized(ColumnType.DECIMAL, 0, 0, 0) : new Sized(ColumnType.DECIMAL, 0, a, b);
      case "char", "character", "bpchar", "nchar":
        return new Sized(ColumnType.CHAR, a == null ? 1 : a, 0, 0);
      default:
        break;
    }
    if (a != null) {
      return null;
    }
    ColumnType t = switch (name) {
      case "int", "integer", "int4" -> ColumnType.INTEGER;
      case "bigint", "int8" -> ColumnType.BIGINT;
      case "smallint", "int2" -> ColumnType.SMALLINT;
      case "boolean", "bool" -> ColumnType.BOOLEAN;
      case "double precision", "float8", "double" -> ColumnType.DOUBLE;
      case "real", "float4" -> ColumnType.REAL;
      case "date" -> ColumnType.DATE;
      case "time" -> ColumnType.TIME;
      case "timestamp" -> ColumnType.TIMESTAMP;
      case "timestamp with time zone", "timestamptz" -> ColumnType.TIMESTAMP_TZ;
      case "uuid" -> ColumnType.UUID;
      case "bytea", "blob", "longblob", "varbinary" -> ColumnType.BINARY;
      case "jsonb" -> ColumnType.JSON; // PostgreSQL's, which jmigrate makes there (plain json is another type)
      default -> null;
    };
    return t == null ? null : new Sized(t, 0, 0, 0);
  }
}
