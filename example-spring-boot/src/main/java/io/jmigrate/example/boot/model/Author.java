package io.jmigrate.example.boot.model;

import io.jmigrate.Column;
import io.jmigrate.Id;
import io.jmigrate.Table;

/** An author; the processor turns this class into the table {@code author}. */
@Table
public class Author {
  @Id(generated = true)
  long id;

  @Column(length = 100, nullable = false, unique = true)
  String name;
}
