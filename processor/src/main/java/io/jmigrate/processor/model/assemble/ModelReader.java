package io.jmigrate.processor.model.assemble;

import io.jmigrate.processor.model.Models;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.SequenceDeclaration;
import io.jmigrate.processor.model.TableDeclaration;
import io.jmigrate.processor.model.extract.Extractor;
import io.jmigrate.processor.model.extract.JmigrateExtractor;
import io.jmigrate.processor.model.validate.ModelValidator;
import io.jmigrate.processor.model.validate.SequenceRules;
import io.jmigrate.schema.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Reads model types into {@link Models}, in three stages with plain values between them:
 *
 * <pre>
 *  TypeElements ─extract─▶ TableDeclarations ─validate─▶ Problems
 *                                             └─build (when there are none)─▶ Schema + intents
 * </pre>
 *
 * An input format is an {@link Extractor}; validation and the build are shared by every format.
 * Every mistake becomes a {@link Problem} at the user's element (and annotation value); nothing
 * here throws at the user.
 */
public final class ModelReader {
  private final Extractor extractor;
  private final List<String> targets;

  /** Reads jmigrate's own annotations. */
  public ModelReader() {
    this(new JmigrateExtractor());
  }

  public ModelReader(Extractor extractor) {
    this(extractor, List.of());
  }

  /** Reads with this extractor, checking what the target dialects ({@code -Ajmigrate.dialects}) cannot do. */
  public ModelReader(Extractor extractor, List<String> targets) {
    this.extractor = extractor;
    this.targets = List.copyOf(targets);
  }

  /** Reads the given model types (and any model type their foreign keys reach). */
  public Models read(Collection<TypeElement> types) {
    List<TableDeclaration> declarations = extractor.extract(types);
    List<SequenceDeclaration> sequences = extractor.sequences();
    List<Problem> unread = extractor.problems();
    if (unread.isEmpty()) {
      return readDeclarations(declarations, sequences, targets);
    }
    // What the extractor could not read comes first; its errors keep the schema from being built.
    List<Problem> problems = new ArrayList<>(unread);
    boolean failed = unread.stream().anyMatch(p -> !p.warning());
    Models m = failed ? null : readDeclarations(declarations, sequences, targets);
    if (m == null || !m.problems().isEmpty()) {
      problems.addAll(m == null ? ModelValidator.validate(declarations, targets) : m.problems());
      return new Models(Schema.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
          Set.of(), Map.of(), problems);
    }
    return new Models(m.schema(), m.tableClasses(), m.tableElements(), m.columnElements(), m.tableRenames(),
        m.columnRenames(), m.droppableTables(), m.droppableColumns(), m.narrowable(), m.renamedFromOrigins(), problems,
        m.sequenceRenames(), m.enumLabelRenames());
  }

  /** Validates declarations, however they were extracted, and builds the schema when they are valid. */
  public static Models readDeclarations(List<TableDeclaration> declarations) {
    return readDeclarations(declarations, List.of());
  }

  /** As {@link #readDeclarations(List)}, on the named target dialects. */
  public static Models readDeclarations(List<TableDeclaration> declarations, List<String> targets) {
    return readDeclarations(declarations, List.of(), targets);
  }

  /** Tables and sequences, on the named target dialects. */
  public static Models readDeclarations(List<TableDeclaration> declarations, List<SequenceDeclaration> sequences,
      List<String> targets) {
    List<Problem> problems = new ArrayList<>(ModelValidator.validate(declarations, targets));
    problems.addAll(SequenceRules.validate(sequences, declarations));
    if (!problems.isEmpty()) {
      return new Models(Schema.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
          Set.of(), Map.of(), problems);
    }
    return SchemaBuilder.build(declarations, sequences);
  }
}
