package io.jmigrate.processor.model;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a declaration is written, kept only to report a problem there: the element and, per
 * declared property, the annotation and the annotation value that set it (as Dagger's
 * {@code ValidationReport} does), so javac underlines the exact spot. Opaque to every stage but
 * the report: validation asks {@link #of(String)} for a property by the name of the declaration's
 * record component ({@code "defaultValue"}, {@code "columns[1]"}), and never looks inside.
 */
public final class Origin {
  /** No place in any source: declarations built by hand, in tests. */
  public static final Origin NONE = new Origin(null, null, null, Map.of());

  private final Element element;
  private final AnnotationMirror annotation;
  private final AnnotationValue value;
  private final Map<String, Origin> parts;

  private Origin(Element element, AnnotationMirror annotation, AnnotationValue value, Map<String, Origin> parts) {
    this.element = element;
    this.annotation = annotation;
    this.value = value;
    this.parts = parts;
  }

  /** The element itself. */
  public static Origin of(Element element) {
    return new Origin(element, null, null, Map.of());
  }

  /** An annotation on the element (e.g. one {@code @Index} of several). */
  public static Origin of(Element element, AnnotationMirror annotation) {
    return new Origin(element, annotation, null, Map.of());
  }

  /** This origin, knowing that {@code property} was set by {@code value} of {@code annotation}. */
  public Origin with(String property, AnnotationMirror annotation, AnnotationValue value) {
    Map<String, Origin> more = new HashMap<>(parts);
    more.put(property, new Origin(element, annotation, value, Map.of()));
    return new Origin(element, this.annotation, this.value, Map.copyOf(more));
  }

  /** Where {@code property} was set; this origin when it was not set explicitly. */
  public Origin of(String property) {
    return parts.getOrDefault(property, this);
  }

  /** Where element {@code index} of the array {@code property} was set, else where the array was. */
  public Origin of(String property, int index) {
    Origin item = parts.get(property + "[" + index + "]");
    return item != null ? item : of(property);
  }

  public Element element() {
    return element;
  }

  public AnnotationMirror annotation() {
    return annotation;
  }

  public AnnotationValue value() {
    return value;
  }
}
