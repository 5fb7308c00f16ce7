package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.TableDeclaration;
import java.util.Collection;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The first stage: one input format (jmigrate's annotations, JPA's) read from javac's
 * elements into plain declarations. Nothing after this stage touches an element, except through
 * each declaration's opaque {@link io.jmigrate.processor.model.Origin} to report a problem.
 */
public interface Extractor {
  /** The declarations of the given model types and of every model their foreign keys reach, each once. */
  List<TableDeclaration> extract(Collection<TypeElement> types);

  /**
   * What the last {@link #extract} could not read (errors) or read without all of it (warnings),
   * each at its element: a format whose every construct has a declaration (jmigrate's) has none.
   */
  default List<Problem> problems() {
    return List.of();
  }

  /** The sequences the models of the last {@link #extract} declare (a name may come more than once). */
  default List<io.jmigrate.processor.model.SequenceDeclaration> sequences() {
    return List.of();
  }

  /**
   * The rows the generator tables of the last {@link #extract} start with, as Hibernate's schema export
   * inserts them: table → segment → its first value, in declaration order.
   */
  default java.util.Map<String, java.util.Map<String, Long>> generatorRows() {
    return java.util.Map.of();
  }
}
