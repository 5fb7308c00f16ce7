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
    int conflict = conflictMarkerLine(committed);
    if (conflict > 0) {
      // "git checkout -- file" is refused on an unmerged file, and a hand-merged snapshot would
      // describe neither branch's migrations: one side is taken whole and the other side's change rebuilt.
      throw new BuildFailure("the snapshot " + path + " has merge-conflict markers (line " + conflict + "): two branches "
          + "changed it, each adding a migration. Do not merge it by hand: take the side whose migrations are shared "
          + "already, usually the main branch's (--theirs when you merge it into your branch, --ours when you rebase onto "
          + "it): git checkout --theirs -- " + path + " && git add " + path + ", delete the other side's new migration file, and build: jmigrate "
          + "generates that side's model changes again as the next migration.");
    }
    try {
      return SnapshotStore.read(committed);
    } catch (SnapshotException e) {
      throw new BuildFailure(e.getMessage() + " (" + path + "). Restore the file from version control "
          + "(git checkout -- " + path.getFileName() + "); jmigrate will not generate migrations from a broken base.");
    }
  }

  /** The 1-based line of the first git conflict marker ({@code <<<<<<<}, {@code =======}, {@code >>>>>>>}), or 0. */
  static int conflictMarkerLine(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith("<<<<<<<") || l.startsWith(">>>>>>>") || l.startsWith("|||||||") || l.strip().equals("=======")) {
        return i + 1;
      }
    }
    return 0;
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
