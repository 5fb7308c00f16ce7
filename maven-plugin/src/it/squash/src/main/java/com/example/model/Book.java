package com.example.model;

import io.jmigrate.Column;
import io.jmigrate.ForeignKey;
import io.jmigrate.Id;
import io.jmigrate.Table;

@Table
public class Book {
  @Id(generated = true)
  long id;

  @Column(nullable = false)
  String title;

  @ForeignKey(Author.class)
  long authorId;
}
