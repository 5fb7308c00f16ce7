package io.jmigrate.processor.codegen;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.RenameTable;
import io.jmigrate.migration.Operations.SetPrimaryKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Names a migration after what it does: {@code V0002_AddUserEmail}, {@code V0001_CreateUserAndAddress}. */
public final class MigrationNamer {
  private static final int MAX_NAME = 60;

  private MigrationNamer() {}

  public static String className(int version, List<Operation> ops) {
    Set<String> tablesCreated = new LinkedHashSet<>();
    for (Operation op : ops) {
      if (op instanceof CreateTable c) {
        tablesCreated.add(c.table().name());
      }
    }
    List<String> words = new ArrayList<>();
    for (Operation op : ops) {
      String w = word(op, tablesCreated);
      if (w != null && !words.contains(w)) {
        words.add(w);
      }
    }
    String name;
    if (words.isEmpty()) {
      name = "Migration";
    } else if (!tablesCreated.isEmpty() && words.size() == tablesCreated.size() && words.size() > 1) {
      List<String> tables = tablesCreated.stream().map(MigrationNamer::camel).toList();
      name = tables.size() <= 3 ? "Create" + String.join("And", tables) : "CreateTables";
    } else if (words.size() == 1) {
      name = words.get(0);
    } else if (words.size() == 2) {
      name = words.get(0) + "And" + words.get(1);
    } else {
      name = words.get(0) + "AndMore";
    }
    if (name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME);
    }
    return String.format("V%04d_%s", version, name);
  }

  /** The sentence for the history table and the header: "add column user.email; …". */
  public static String description(List<Operation> ops) {
    StringBuilder s = new StringBuilder();
    for (Operation op : ops) {
      String d = summary(op);
      if (s.length() + d.length() > 180) {
        s.append("; and ").append(ops.size()).append(" changes in all");
        break;
      }
      s.append(s.length() == 0 ? "" : "; ").append(d);
    }
    return s.toString();
  }

  /** A short human line for one operation, without the column details. */
  public static String summary(Operation op) {
    if (op instanceof CreateTable o) {
      return "create table " + o.table().name();
    } else if (op instanceof DropTable o) {
      return "drop table " + o.table();
    } else if (op instanceof RenameTable o) {
      return "rename table " + o.from() + " to " + o.to();
    } else if (op instanceof AddColumn o) {
      return "add column " + o.table() + "." + o.column().name();
    } else if (op instanceof DropColumn o) {
      return "drop column " + o.table() + "." + o.column();
    } else if (op instanceof RenameColumn o) {
      return "rename column " + o.table() + "." + o.from() + " to " + o.to();
    } else if (op instanceof AlterColumn o) {
      return "alter column " + o.table() + "." + o.column().name();
    } else if (op instanceof SetPrimaryKey o) {
      return "set primary key of " + o.table();
    } else if (op instanceof AddIndex o) {
      return "add index " + o.index().name();
    } else if (op instanceof DropIndex o) {
      return "drop index " + o.index();
    } else if (op instanceof AddForeignKey o) {
      return "add foreign key " + o.foreignKey().name();
    } else if (op instanceof DropForeignKey o) {
      return "drop foreign key " + o.foreignKey();
    }
    return op.toString();
  }

  private static String word(Operation op, Set<String> created) {
    if (op instanceof CreateTable o) {
      return "Create" + camel(o.table().name());
    } else if (op instanceof DropTable o) {
      return "Drop" + camel(o.table());
    } else if (op instanceof RenameTable o) {
      return "Rename" + camel(o.from()) + "To" + camel(o.to());
    } else if (op instanceof AddColumn o) {
      return "Add" + camel(o.table()) + camel(o.column().name());
    } else if (op instanceof DropColumn o) {
      return "Drop" + camel(o.table()) + camel(o.column());
    } else if (op instanceof RenameColumn o) {
      return "Rename" + camel(o.table()) + camel(o.from()) + "To" + camel(o.to());
    } else if (op instanceof AlterColumn o) {
      return "Alter" + camel(o.table()) + camel(o.column().name());
    } else if (op instanceof SetPrimaryKey o) {
      return "Change" + camel(o.table()) + "PrimaryKey";
    } else if (op instanceof AddIndex o) {
      return created.contains(o.table()) ? null : "Add" + camel(o.index().name());
    } else if (op instanceof DropIndex o) {
      return "Drop" + camel(o.index());
    } else if (op instanceof AddForeignKey o) {
      return created.contains(o.table()) ? null : "Add" + camel(o.foreignKey().name());
    } else if (op instanceof DropForeignKey o) {
      return "Drop" + camel(o.foreignKey());
    }
    return null;
  }

  static String camel(String snake) {
    StringBuilder s = new StringBuilder();
    for (String part : snake.split("_")) {
      if (!part.isEmpty()) {
        s.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return s.toString();
  }
}
