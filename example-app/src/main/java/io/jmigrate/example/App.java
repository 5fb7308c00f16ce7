package io.jmigrate.example;

import io.jmigrate.Runtime;
import io.jmigrate.engine.AppliedMigration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Opens a SQLite database (local.db, or the file named by the first argument), or the database
 * a JDBC URL names ({@code jdbc:mariadb://…}, {@code jdbc:postgresql://…}, with its driver on the
 * class path), brings it to the latest schema, writes a user with an address and reads them back.
 */
public final class App {
  public static void main(String[] args) throws SQLException {
    String file = args.length > 0 ? args[0] : "local.db";
    String url = file.startsWith("jdbc:") ? file : "jdbc:sqlite:" + file;
    try (Connection c = DriverManager.getConnection(url)) {
      // "user" is a keyword: quoted as this database quotes (double quotes, or MariaDB's backticks).
      String q = c.getMetaData().getIdentifierQuoteString();
      String user = q + "user" + q;
      List<AppliedMigration> applied = Runtime.migrate(c);
      if (applied.isEmpty()) {
        System.out.println("Database " + file + " is up to date (version " + Runtime.status(c).currentVersion() + ").");
      }
      for (AppliedMigration m : applied) {
        System.out.println("Migrated " + file + ": " + m);
      }

      long userId;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO " + user + " (name, fullname, nickname) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, "spongebob");
        ps.setString(2, "Spongebob Squarepants");
        ps.setString(3, "sponge");
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          userId = keys.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO address (user_id, email_address) VALUES (?, ?)")) {
        ps.setLong(1, userId);
        ps.setString(2, "spongebob@sqlalchemy.org");
        ps.executeUpdate();
      }
      System.out.println("Wrote user " + userId + " with an address.");

      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT u.name, a.email_address, (SELECT count(*) FROM " + user + ") "
              + "FROM " + user + " u JOIN address a ON a.user_id = u.id WHERE u.id = " + userId)) {
        rs.next();
        System.out.println("Read back: " + rs.getString(1) + " <" + rs.getString(2) + ">; the database has "
            + rs.getLong(3) + " users.");
      }
    }
  }
}
