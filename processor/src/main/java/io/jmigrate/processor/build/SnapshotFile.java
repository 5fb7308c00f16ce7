package io.jmigrate.processor.build;

import io.jmigrate.processor.snapshot.Snapshot;
import io.jmigrate.processor.snapshot.SnapshotException;
import io.jmigrate.processor.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The snapshot file: its committed text, parsed with a message that says what to do, and written only when it changes. */
public record SnapshotFile(Path path, String committed) {
  public static SnapshotFile read(Path path) throws IOException {
    return new SnapshotFile(path, Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : null);
  }

  public boolean exists() {
    return committed != null;
  }

  public Snapshot parse() throws BuildFailure {
    if (committed == null) {
      return Snapshot.EMPTY;
    }
    try {
      return SnapshotStore.read(committed);
    } catch (SnapshotException e) {
      throw new BuildFailure(e.getMessage() + " (" + path + "). Restore the file from version control "
          + "(git checkout -- " + path.getFileName() + "); jmigrate will not generate migrations from a broken base.");
    }
  }

  /** Writes the snapshot in the current format (which also upgrades an older one) unless the file already says exactly that. */
  public void write(Snapshot snapshot) throws IOException {
    String content = SnapshotStore.write(snapshot);
    if (content.equals(committed)) {
      return;
    }
    Files.createDirectories(path.getParent());
    Files.writeString(path, content, StandardCharsets.UTF_8);
  }
}
