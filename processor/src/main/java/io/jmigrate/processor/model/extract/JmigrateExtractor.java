package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.TableDeclaration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/** Reads jmigrate's own annotations ({@code @Table}, {@code @Column}, …). */
public final class JmigrateExtractor implements Extractor {
  static final String TABLE = "io.jmigrate.Table";
  static final String COLUMN = "io.jmigrate.Column";
  static final String ID = "io.jmigrate.Id";
  static final String FOREIGN_KEY = "io.jmigrate.ForeignKey";
  static final String INDEX = "io.jmigrate.Index";
  static final String INDEX_LIST = "io.jmigrate.Index.List";
  static final String RENAMED_FROM = "io.jmigrate.RenamedFrom";
  static final String TRANSIENT = "io.jmigrate.Transient";
  static final String DROP = "io.jmigrate.Drop";
  static final String DROP_LIST = "io.jmigrate.Drop.List";
  static final String NARROW = "io.jmigrate.Narrow";
  static final String JSON = "io.jmigrate.Json";
  static final String DEFAULT_SQL = "io.jmigrate.DefaultSql";
  static final String DEFAULT_SQL_LIST = "io.jmigrate.DefaultSql.List";

  private final Annotations annotations = new Annotations();
  private final TypeExtractor types = new TypeExtractor(annotations, new FieldExtractor(annotations));

  @Override
  public List<TableDeclaration> extract(Collection<TypeElement> roots) {
    Deque<TypeElement> work = new ArrayDeque<>(roots);
    Set<String> seen = new HashSet<>();
    List<TableDeclaration> out = new ArrayList<>();
    while (!work.isEmpty()) {
      TypeElement type = work.poll();
      if (!seen.add(type.getQualifiedName().toString())) {
        continue;
      }
      TypeExtractor.Extracted e = types.table(type);
      out.add(e.table());
      work.addAll(e.referencedModels());
    }
    return out;
  }
}
