package io.jmigrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL enum type ({@code CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')}): a name and its
 * labels in their declared order, which is the order PostgreSQL sorts and compares values by. A
 * column of {@link ColumnType#ENUM} names one ({@link ColumnDefinition#enumType()}).
 *
 * <p>PostgreSQL can add a label anywhere and rename one, but cannot drop or reorder one: a model
 * whose labels lose one or change order is refused at compile time.
 */
public record EnumTypeDefinition(String name, List<String> labels) {
  public EnumTypeDefinition {
    Objects.requireNonNull(name, "name");
    labels = List.copyOf(labels);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("enum type " + name + " has no labels");
    }
    if (labels.stream().distinct().count() != labels.size()) {
      throw new IllegalArgumentException("enum type " + name + " has a label twice: " + labels);
    }
  }

  public static EnumTypeDefinition of(String name, String... labels) {
    return new EnumTypeDefinition(name, List.of(labels));
  }

  /**
   * A copy with {@code label} added: before {@code before} or after {@code after} (at most one of
   * them, a label of this type), else at the end, as {@code ALTER TYPE … ADD VALUE} places it.
   */
  public EnumTypeDefinition withLabel(String label, String before, String after) {
    List<String> l = new ArrayList<>(labels);
    if (before != null) {
      l.add(indexOf(before), label);
    } else if (after != null) {
      l.add(indexOf(after) + 1, label);
    } else {
      l.add(label);
    }
    return new EnumTypeDefinition(name, l);
  }

  public EnumTypeDefinition withoutLabel(String label) {
    List<String> l = new ArrayList<>(labels);
    l.remove(indexOf(label));
    return new EnumTypeDefinition(name, l);
  }

  public EnumTypeDefinition renameLabel(String from, String to) {
    List<String> l = new ArrayList<>(labels);
    l.set(indexOf(from), to);
    return new EnumTypeDefinition(name, l);
  }

  private int indexOf(String label) {
    int i = labels.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException("enum type " + name + " has no label " + label + " (it has " + labels + ")");
    }
    return i;
  }

  @Override
  public String toString() {
    return "enum type " + name + " " + labels;
  }
}
