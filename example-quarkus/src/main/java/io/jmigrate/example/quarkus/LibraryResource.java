package io.jmigrate.example.quarkus;

import io.jmigrate.example.quarkus.model.Author;
import io.jmigrate.example.quarkus.model.Book;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** Books through Hibernate ORM, on the tables jmigrate created at start-up. */
@Path("/books")
public class LibraryResource {
  @Inject
  EntityManager em;

  /** Every book as "title by author", oldest first. */
  @GET
  public List<String> books() {
    return em.createQuery("select b from Book b order by b.id", Book.class).getResultList().stream()
        .map(b -> b.title + " by " + b.author.name).toList();
  }

  /** Adds a book (and its author, when new). */
  @POST
  @Transactional
  public String add(@QueryParam("title") String title, @QueryParam("author") String authorName) {
    Author author = em.createQuery("select a from Author a where a.name = :n", Author.class)
        .setParameter("n", authorName).getResultStream().findFirst().orElseGet(() -> {
          Author a = new Author();
          a.name = authorName;
          em.persist(a);
          return a;
        });
    Book book = new Book();
    book.title = title;
    book.author = author;
    em.persist(book);
    return title + " by " + author.name;
  }
}
