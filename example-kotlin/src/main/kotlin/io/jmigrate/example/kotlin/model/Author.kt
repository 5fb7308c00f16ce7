package io.jmigrate.example.kotlin.model

import io.jmigrate.Column
import io.jmigrate.Id
import io.jmigrate.Table

/** Kotlin's nullability is the column's: `name` is NOT NULL, `bio` may be NULL. */
@Table
class Author(
    @Id(generated = true) val id: Long,
    @Column(length = 100) val name: String,
    val bio: String?,
)
