package com.example.model;

import io.jmigrate.Column;
import io.jmigrate.Id;
import io.jmigrate.Table;

@Table
public class Author {
  @Id(generated = true)
  long id;

  @Column(length = 100, nullable = false)
  String name;
}
