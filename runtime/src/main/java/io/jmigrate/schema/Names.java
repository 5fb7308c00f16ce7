package io.jmigrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The naming rule the processor and the dialects share (constraint names: generated migrations
 * and snapshots hold the names it gives, so it never changes), and renames inside the values.
 */
public final class Names {
  /** PostgreSQL's identifier limit; the tightest of the supported dialects. */
  static final int MAX_IDENTIFIER_LENGTH = 63;

  private Names() {}

  /** A deterministic constraint name that fits every dialect: long names keep a hash suffix. */
  public static String constraintName(String prefix, String table, List<String> columns) {
    String name = prefix + "_" + table + (columns.isEmpty() ? "" : "_" + String.join("_", columns));
    name = name.toLowerCase(Locale.ROOT);
    if (name.length() <= MAX_IDENTIFIER_LENGTH) {
      return name;
    }
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String hash = String.format("%08x", crc.getValue());
    return name.substring(0, MAX_IDENTIFIER_LENGTH - 9) + "_" + hash;
  }

  static List<String> replace(List<String> names, String from, String to) {
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(n.equals(from) ? to : n);
    }
    return List.copyOf(out);
  }
}
