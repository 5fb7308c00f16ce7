package io.jmigrate.example.model;

import io.jmigrate.Column;
import io.jmigrate.ForeignKey;
import io.jmigrate.Id;
import io.jmigrate.Table;

/** An e-mail address of a user; deleting the user deletes its addresses. */
@Table
public class Address {
  @Id(generated = true)
  long id;

  @ForeignKey(value = User.class, onDelete = ForeignKey.Action.CASCADE)
  long userId;

  @Column(nullable = false)
  String emailAddress;
}
