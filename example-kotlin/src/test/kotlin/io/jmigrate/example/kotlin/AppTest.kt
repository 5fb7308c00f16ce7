package io.jmigrate.example.kotlin

import io.jmigrate.migration.MigrationIndex
import java.nio.file.Path
import java.sql.DriverManager
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** The Kotlin models' nullability reached the database, and the index is complete (the start-up fast path). */
class AppTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun nonNullPropertiesAreNotNullColumns() {
        val url = "jdbc:sqlite:" + dir.resolve("authors.db")
        main(arrayOf(url))
        val notNull = mutableMapOf<String, Boolean>()
        DriverManager.getConnection(url).use { c ->
            c.createStatement().executeQuery("pragma table_info(author)").use { rs ->
                while (rs.next()) notNull[rs.getString("name")] = rs.getInt("notnull") == 1
            }
        }
        // SQLite reports its rowid key (id) as nullable whatever the model says: the properties are what counts
        assertEquals(true, notNull["name"])
        assertEquals(false, notNull["bio"])
    }

    @Test
    fun theIndexHasEveryMigrationsChecksum() {
        val indexes = MigrationIndex.find(javaClass.classLoader)
        assertEquals(1, indexes.size)
        val entries = MigrationIndex.read(indexes[0])
        assertTrue(entries.isNotEmpty())
        assertTrue(entries.all { it.checksum() != null && it.fingerprint() != null }, entries.toString())
    }
}
