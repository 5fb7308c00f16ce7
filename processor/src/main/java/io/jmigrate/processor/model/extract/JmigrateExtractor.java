package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.SequenceDeclaration;
import io.jmigrate.processor.model.TableDeclaration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Reads jmigrate's own annotations ({@code @Table}, {@code @Column}, …). */
public final class JmigrateExtractor implements Extractor {
  static final String TABLE = "io.jmigrate.Table";
  static final String COLUMN = "io.jmigrate.Column";
  static final String ID = "io.jmigrate.Id";
  static final String FOREIGN_KEY = "io.jmigrate.ForeignKey";
  static final String INDEX = "io.jmigrate.Index";
  static final String INDEX_LIST = "io.jmigrate.Index.List";
  static final String CHECK = "io.jmigrate.Check";
  static final String CHECK_LIST = "io.jmigrate.Check.List";
  static final String RENAMED_FROM = "io.jmigrate.RenamedFrom";
  static final String TRANSIENT = "io.jmigrate.Transient";
  static final String DROP = "io.jmigrate.Drop";
  static final String DROP_LIST = "io.jmigrate.Drop.List";
  static final String NARROW = "io.jmigrate.Narrow";
  static final String JSON = "io.jmigrate.Json";
  static final String DEFAULT_SQL = "io.jmigrate.DefaultSql";
  static final String DEFAULT_SQL_LIST = "io.jmigrate.DefaultSql.List";
  static final String SEQUENCE = "io.jmigrate.Sequence";
  static final String SEQUENCE_LIST = "io.jmigrate.Sequence.List";

  private final Annotations annotations = new Annotations();
  private final TypeExtractor types = new TypeExtractor(annotations, new FieldExtractor(annotations));
  private final List<SequenceDeclaration> sequences = new ArrayList<>();

  @Override
  public List<TableDeclaration> extract(Collection<TypeElement> roots) {
    Deque<TypeElement> work = new ArrayDeque<>(roots);
    Set<String> seen = new HashSet<>();
    List<TableDeclaration> out = new ArrayList<>();
    sequences.clear();
    while (!work.isEmpty()) {
      TypeElement type = work.poll();
      if (!seen.add(type.getQualifiedName().toString())) {
        continue;
      }
      TypeExtractor.Extracted e = types.table(type);
      out.add(e.table());
      sequences(type, e.table().name());
      work.addAll(e.referencedModels());
    }
    return out;
  }

  @Override
  public List<SequenceDeclaration> sequences() {
    return List.copyOf(sequences);
  }

  /** {@code @Sequence} on the type and on its fields; its name by default {@code <table>_seq}. */
  private void sequences(TypeElement type, String table) {
    sequences.addAll(declaredSequences(annotations, type, table));
  }

  /** The {@code @Sequence}s on a type and its fields (JPA entities may carry them too). */
  static List<SequenceDeclaration> declaredSequences(Annotations annotations, TypeElement type, String table) {
    List<SequenceDeclaration> out = new ArrayList<>();
    List<Element> at = new ArrayList<>();
    at.add(type);
    at.addAll(ElementFilter.fieldsIn(type.getEnclosedElements()));
    for (Element e : at) {
      for (AnnotationMirror m : annotations.repeated(e, SEQUENCE, SEQUENCE_LIST)) {
        String name = annotations.string(m, "name");
        String from = annotations.string(m, "renamedFrom");
        Origin origin = Annotations.track(Annotations.track(Origin.of(e, m), m, "name", "name"), m, "renamedFrom",
            "renamedFrom");
        out.add(new SequenceDeclaration(name.isEmpty() ? table + "_seq" : name, (Long) annotations.value(m, "start"),
            (Long) annotations.value(m, "increment"), from.isEmpty() ? null : from, origin));
      }
    }
    return out;
  }
}
