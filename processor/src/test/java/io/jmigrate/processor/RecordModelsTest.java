package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record's columns come from its components' annotations, whether javac reads the record from
 * source or, in an incremental build, from its class file.
 */
class RecordModelsTest {
  @TempDir Path dir;

  @Test
  void aRecordReadFromItsClassFileHasTheSameColumns() throws Exception {
    Project p = new Project(dir)
        .write("com/acme/model/Owner.java", """
            package com.acme.model;
            import io.jmigrate.*;
            @Table public class Owner { @Id long id; }
            """)
        .write("com/acme/model/Pet.java", """
            package com.acme.model;
            import io.jmigrate.*;
            @Table public record Pet(
                @Id(generated = true) long id,
                @Column(length = 20, nullable = false, defaultValue = "rex") String name,
                @ForeignKey(value = Owner.class, onDelete = ForeignKey.Action.CASCADE) long ownerId,
                @Transient String nickname,
                @RenamedFrom("legs") int paws) {}
            """);
    Project.Result full = p.build().assertOk();
    String snapshot = p.snapshotText();
    assertTrue(snapshot.contains("\"rex\"") && snapshot.contains("fk_pet_owner_id") && snapshot.contains("\"paws\"")
        && !snapshot.contains("nickname"), snapshot);
    TreeMap<String, String> before = p.migrations("com.acme.migrations");

    p.write("com/acme/model/Owner.java", """
        package com.acme.model;
        import io.jmigrate.*;
        @Table public class Owner { @Id long id; }
        """);
    p.buildOnly(full, List.of("com/acme/model/Owner.java")).assertOk();

    assertEquals(before, p.migrations("com.acme.migrations"));
    assertEquals(snapshot, p.snapshotText());
  }
}
