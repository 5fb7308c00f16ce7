package io.jmigrate.example.model;

import io.jmigrate.Column;
import io.jmigrate.Id;
import io.jmigrate.Table;

/** A user, as in SQLAlchemy's ORM tutorial. {@code user} is an SQL keyword: jmigrate quotes it. */
@Table(name = "user")
public class User {
  @Id(generated = true)
  long id;

  @Column(length = 50, nullable = false)
  String name;

  String fullname;

  @Column(length = 50)
  String nickname;
}
