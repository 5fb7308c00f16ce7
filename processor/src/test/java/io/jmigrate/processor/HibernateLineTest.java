package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Ajmigrate.hibernate}: the schema of the Hibernate the application runs. Without the option, the one on
 * the class path (none here: 7, the newest). What each version makes is judged against the real ones in jpa-tests
 * (Hibernate 7.4) and jpa-tests-hibernate6 (6.6).
 */
class HibernateLineTest {
  @TempDir Path dir;

  private static final String HEADER = "package com.acme.model;\nimport jakarta.persistence.*;\nimport java.util.*;\n";

  private Project ledger() throws Exception {
    return new Project(dir).write("com/acme/model/Ledger.java", HEADER + """
        @Entity public class Ledger {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
          @Version private Long version;
          @ElementCollection private Set<String> tags;
        }""");
  }

  @Test
  void hibernate7MakesTheVersionNotNullAndASetUnique() throws Exception {
    Project p = ledger();
    p.build().assertOk();
    String migration = squash(p.migrations("com.acme.migrations").firstEntry().getValue());
    assertTrue(migration.contains(squash("column(\"version\", BIGINT).notNull()")), migration);
    assertTrue(migration.contains("unique"), migration);
  }

  @Test
  void hibernate66LeavesAnObjectVersionNullableAndASetWithoutUniqueRows() throws Exception {
    Project p = ledger();
    p.build("-Ajmigrate.hibernate=6.6").assertOk();
    String migration = squash(p.migrations("com.acme.migrations").firstEntry().getValue());
    assertTrue(migration.contains(squash("column(\"version\", BIGINT))")), migration);
    assertFalse(migration.contains("unique"), migration);
  }

  /**
   * snake_case with a digit before a capital: Hibernate 7 names {@code OAuth2Client.sha256Hash}
   * {@code oauth2_client.sha256_hash}, 6.6 {@code oauth2client.sha256hash}. A snapshot with 7's names (a Spring
   * Boot 3.5 project built by a jmigrate that used 7's rule for both, or one moving back) built for 6.6 has the tables
   * Hibernate 6.6 expects under other names: the build refuses to drop them and names the {@code @RenamedFrom}
   * that keeps their data; with it, the next migration renames them.
   */
  @Test
  void aDigitBeforeACapitalUnder66RenamesWhatHibernate7Named() throws Exception {
    Project p = new Project(dir).write("com/acme/model/OAuth2Client.java", HEADER + """
        @Entity public class OAuth2Client {
          @Id private Long id;
          private String sha256Hash;
        }""");
    p.build("-Ajmigrate.hibernate=7").assertOk();
    String first = squash(p.migrations("com.acme.migrations").firstEntry().getValue());
    assertTrue(first.contains(squash("table(\"oauth2_client\"")) && first.contains("\"sha256_hash\""), first);

    Project.Result under66 = p.build("-Ajmigrate.hibernate=6.6");
    assertTrue(under66.errors().stream().anyMatch(e -> e.contains("the table oauth2_client (model com.acme.model"
        + ".OAuth2Client) is gone from the models") && e.contains("@RenamedFrom(\"oauth2_client\")")),
        under66.errors().toString());

    p.write("com/acme/model/OAuth2Client.java", HEADER + """
        @io.jmigrate.RenamedFrom("oauth2_client")
        @Entity public class OAuth2Client {
          @Id private Long id;
          @io.jmigrate.RenamedFrom("sha256_hash") private String sha256Hash;
        }""");
    p.build("-Ajmigrate.hibernate=6.6").assertOk();
    String second = squash(p.migrations("com.acme.migrations").lastEntry().getValue());
    assertTrue(second.contains(squash("renameTable(\"oauth2_client\", \"oauth2client\")"))
        && second.contains(squash("renameColumn(\"oauth2client\", \"sha256_hash\", \"sha256hash\")")), second);
  }

  @Test
  void anUnknownVersionIsABuildError() throws Exception {
    Project.Result r = ledger().build("-Ajmigrate.hibernate=5.4");
    assertTrue(r.errors().stream().anyMatch(e -> e.contains("-Ajmigrate.hibernate=5.4 is not a Hibernate version; "
        + "use 6.6 (Spring Boot 3.5) or 7")), r.errors().toString());
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", "");
  }
}
