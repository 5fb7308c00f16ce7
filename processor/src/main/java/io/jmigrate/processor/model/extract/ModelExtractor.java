package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.TableDeclaration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Both input formats in one build: JPA entities through {@link JpaExtractor}, jmigrate's
 * {@code @Table} models through {@link JmigrateExtractor}. A project may mix them (each table
 * from one of them); an {@code @Entity} that also carries {@code @Table} is read as an entity.
 */
public final class ModelExtractor implements Extractor {
  private final JmigrateExtractor jmigrate = new JmigrateExtractor();
  private final JpaExtractor jpa;
  private final List<Problem> problems = new ArrayList<>();
  private final List<io.jmigrate.processor.model.SequenceDeclaration> sequences = new ArrayList<>();

  public ModelExtractor(JpaExtractor jpa) {
    this.jpa = jpa;
  }

  @Override
  public List<TableDeclaration> extract(Collection<TypeElement> types) {
    List<TypeElement> entities = types.stream().filter(JpaExtractor::isEntity).toList();
    List<TypeElement> models = types.stream().filter(t -> !JpaExtractor.isEntity(t)).toList();
    List<TableDeclaration> out = new ArrayList<>();
    problems.clear();
    sequences.clear();
    if (!models.isEmpty()) {
      out.addAll(jmigrate.extract(models));
      sequences.addAll(jmigrate.sequences());
    }
    if (!entities.isEmpty()) {
      out.addAll(jpa.extract(entities));
      problems.addAll(jpa.problems());
      sequences.addAll(jpa.sequences());
    }
    return out;
  }

  @Override
  public java.util.Map<String, java.util.Map<String, Long>> generatorRows() {
    return jpa.generatorRows();
  }

  @Override
  public List<io.jmigrate.processor.model.SequenceDeclaration> sequences() {
    return List.copyOf(sequences);
  }

  @Override
  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
