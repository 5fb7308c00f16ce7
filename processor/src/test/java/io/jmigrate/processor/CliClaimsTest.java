package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.testing.Postgres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command line, run as a user runs it: {@code java -cp <app> io.jmigrate.Runtime …}
 * in a child JVM, over migrations the real processor generated, against a real PostgreSQL
 * that asks a role for its password, and a real SQLite file. Covers {@code JMIGRATE_URL},
 * {@code JMIGRATE_USER}, {@code JMIGRATE_PASSWORD}, {@code --user}/{@code --password},
 * {@code baseline} and the exit code 1 of {@code validate} on drift.
 */
class CliClaimsTest {
  static final String ROLE = "jm_cli";
  static final String PASSWORD = "s3cret-pw";
  static final String AUTHOR = """
      package com.acme.model;
      import io.jmigrate.*;
      @Table public class Author {
        @Id(generated = true) long id;
        @Column(length = 100, nullable = false) String name;
      }
      """;

  @TempDir static Path dir;
  static Path classes;

  @BeforeAll
  static void buildAppAndRole() throws Exception {
    Project p = new Project(dir.resolve("app")).write("com/acme/model/Author.java", AUTHOR);
    p.build().assertOk();
    classes = p.write("com/acme/model/Author.java", AUTHOR.replace("String name;", "String name;\n  String bio;"))
        .build().assertOk().classes();

    // A role that must give its password: the first pg_hba.conf line that matches it asks for one.
    try (Connection admin = Postgres.server().getPostgresDatabase().getConnection()) {
      if (strings(admin, "SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'").isEmpty()) {
        exec(admin, "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
        Path hba = Path.of(strings(admin, "SHOW hba_file").get(0));
        Files.writeString(hba, "host all " + ROLE + " all md5\n" + Files.readString(hba));
        exec(admin, "SELECT pg_reload_conf()");
      }
    }
  }

  static int databases;

  /** A new database owned by the role, and its URL without a user. */
  static String database() throws Exception {
    String name = "cli" + (++databases);
    try (Connection admin = Postgres.server().getPostgresDatabase().getConnection()) {
      exec(admin, "CREATE DATABASE " + name + " OWNER " + ROLE);
    }
    return "jdbc:postgresql://localhost:" + Postgres.server().getPort() + "/" + name;
  }

  static Connection asAdmin(String url) throws Exception {
    return DriverManager.getConnection(url, "postgres", "");
  }

  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /** {@code java -cp <test class path>:<the app's classes> io.jmigrate.Runtime args…} with exactly {@code env} set. */
  static Run cli(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path") + File.pathSeparator + classes, "io.jmigrate.Runtime"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("JMIGRATE_"));
    pb.environment().putAll(env);
    Process process = pb.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command line did not finish");
    return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void environmentVariablesAndOptionsGiveTheDatabaseAndTheCredentials() throws Exception {
    String url = database();
    Run wrong = cli(Map.of("JMIGRATE_URL", url, "JMIGRATE_USER", ROLE, "JMIGRATE_PASSWORD", "not-it"), "migrate");
    assertEquals(1, wrong.exit(), wrong.all());
    assertTrue(wrong.err().contains("password authentication failed for user \"" + ROLE + "\""), wrong.all());

    Run fromEnv = cli(Map.of("JMIGRATE_URL", url, "JMIGRATE_USER", ROLE, "JMIGRATE_PASSWORD", PASSWORD), "migrate");
    assertEquals(0, fromEnv.exit(), fromEnv.all());
    assertTrue(fromEnv.out().contains("applied V0001 create table author") && fromEnv.out().contains("applied V0002"), fromEnv.all());
    try (Connection c = asAdmin(url)) {
      assertEquals(List.of(ROLE + "|author", ROLE + "|jmigrate_history"),
          strings(c, "SELECT tableowner || '|' || tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"),
          "the tables were made by the role from JMIGRATE_USER");
    }

    // The options win over the environment.
    Run options = cli(Map.of("JMIGRATE_URL", "jdbc:postgresql://localhost:1/nowhere", "JMIGRATE_USER", "nobody",
        "JMIGRATE_PASSWORD", "not-it"), "status", "--url", url, "--user", ROLE, "--password", PASSWORD);
    assertEquals(0, options.exit(), options.all());
    assertTrue(options.out().contains("[X] V0002"), options.all());

    Run noPassword = cli(Map.of(), "status", "--url", url, "--user", ROLE);
    assertEquals(1, noPassword.exit(), noPassword.all());

    Path sqlite = dir.resolve("cli.db");
    Run sqliteFromEnv = cli(Map.of("JMIGRATE_URL", "jdbc:sqlite:" + sqlite), "migrate");
    assertEquals(0, sqliteFromEnv.exit(), sqliteFromEnv.all());
    try (Connection c = Db.sqlite(sqlite)) {
      assertEquals(List.of("1", "2"), strings(c, "SELECT version FROM jmigrate_history ORDER BY version"));
    }
  }

  @Test
  void validateExitsWithOneOnDrift() throws Exception {
    String url = database();
    Map<String, String> env = Map.of("JMIGRATE_URL", url, "JMIGRATE_USER", ROLE, "JMIGRATE_PASSWORD", PASSWORD);
    assertEquals(0, cli(env, "migrate").exit());
    Run clean = cli(env, "validate");
    assertEquals(0, clean.exit(), clean.all());
    assertTrue(clean.out().contains("no drift: the database matches version 2"), clean.all());

    try (Connection c = asAdmin(url)) {
      exec(c, "ALTER TABLE author ADD COLUMN surprise text");
      exec(c, "ALTER TABLE author ALTER COLUMN bio SET NOT NULL");
    }
    Run drift = cli(env, "validate");
    assertEquals(1, drift.exit(), drift.all());
    assertTrue(drift.out().contains("the database differs from version 2")
        && drift.out().contains("column author.bio is NOT NULL but the migrations make it nullable")
        && drift.out().contains("column author.surprise is not in the migrations"), drift.all());
  }

  @Test
  void baselineAdoptsAnExistingDatabaseThenMigrateContinues() throws Exception {
    String url = database();
    Map<String, String> env = Map.of("JMIGRATE_URL", url, "JMIGRATE_USER", ROLE, "JMIGRATE_PASSWORD", PASSWORD);
    try (Connection c = DriverManager.getConnection(url, ROLE, PASSWORD)) {
      // Version 1's schema, made without jmigrate.
      exec(c, "CREATE TABLE author (id BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL, name VARCHAR(100) NOT NULL,"
          + " CONSTRAINT pk_author PRIMARY KEY (id))");
      exec(c, "INSERT INTO author (name) VALUES ('Ann')");
    }
    Run baseline = cli(env, "baseline", "1");
    assertEquals(0, baseline.exit(), baseline.all());
    assertTrue(baseline.out().contains("baselined at version 1"), baseline.all());
    Run status = cli(env, "status");
    assertTrue(status.out().contains("[X] V0001") && status.out().contains("[ ] V0002"), status.all());

    Run migrate = cli(env, "migrate");
    assertEquals(0, migrate.exit(), migrate.all());
    assertTrue(migrate.out().contains("applied V0002") && !migrate.out().contains("V0001"), migrate.all());
    assertEquals(0, cli(env, "validate").exit());
    try (Connection c = asAdmin(url)) {
      assertEquals(List.of("Ann|"), strings(c, "SELECT name || '|' || coalesce(bio, '') FROM author"));
      assertEquals(List.of("1", "2"), strings(c, "SELECT version FROM jmigrate_history ORDER BY version"));
    }
  }
}
