package io.jmigrate.example.boot.model;

import io.jmigrate.Column;
import io.jmigrate.ForeignKey;
import io.jmigrate.Id;
import io.jmigrate.Index;
import io.jmigrate.Table;

/** A book by one author; deleting the author deletes the books. */
@Table
@Index(columns = "title")
public class Book {
  @Id(generated = true)
  long id;

  @Column(length = 200, nullable = false)
  String title;

  @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE)
  long authorId;

  Integer published;
}
