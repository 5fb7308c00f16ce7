package io.jmigrate.example.kotlin

import io.jmigrate.Runtime
import java.sql.DriverManager

/** Migrates the database (an SQLite file unless a JDBC URL is given), writes an author and lists them. */
fun main(args: Array<String>) {
    val url = args.firstOrNull() ?: "jdbc:sqlite:authors.db"
    DriverManager.getConnection(url).use { c ->
        val applied = Runtime.migrate(c)
        println("applied ${applied.size} migration(s)")
        c.prepareStatement("insert into author (name, bio) values (?, ?)").use {
            it.setString(1, "Ursula K. Le Guin")
            it.setString(2, null)
            it.executeUpdate()
        }
        c.createStatement().executeQuery("select name from author order by id").use { rs ->
            while (rs.next()) println(rs.getString(1))
        }
    }
}
