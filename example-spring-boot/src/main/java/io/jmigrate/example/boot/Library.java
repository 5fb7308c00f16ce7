package io.jmigrate.example.boot;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The application's SQL, through Spring's JdbcClient, on the tables the migrations create. */
@Component
public class Library {
  private final JdbcClient jdbc;

  /** A book as the application shows it. */
  public record BookView(String title, String author, Integer published) {
    @Override
    public String toString() {
      return title + " by " + author + (published == null ? "" : " (" + published + ")");
    }
  }

  public Library(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a book, and its author if new; returns the book's id. */
  @Transactional
  public long addBook(String author, String title, Integer published) {
    long authorId = jdbc.sql("SELECT id FROM author WHERE name = ?").param(author).query(Long.class).optional()
        .orElseGet(() -> insert("INSERT INTO author (name) VALUES (?)", author));
    return insert("INSERT INTO book (title, author_id, published) VALUES (?, ?, ?)", title, authorId, published);
  }

  public List<BookView> books() {
    return jdbc.sql("SELECT b.title, a.name, b.published FROM book b JOIN author a ON a.id = b.author_id ORDER BY b.id")
        .query((rs, n) -> new BookView(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class)))
        .list();
  }

  private long insert(String sql, Object... params) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(key, "id");
    return key.getKey().longValue();
  }
}
