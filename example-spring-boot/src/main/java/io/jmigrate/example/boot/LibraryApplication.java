package io.jmigrate.example.boot;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A non-web Spring Boot application. jmigrate's starter migrates the DataSource at start-up (SQLite's
 * library.db by default; PostgreSQL with --spring.datasource.url=jdbc:postgresql://…), before
 * {@link Library}'s JdbcClient exists; the runner then writes a book and reads the library back.
 */
@SpringBootApplication
public class LibraryApplication {

  public static void main(String[] args) {
    SpringApplication.run(LibraryApplication.class, args);
  }

  @Bean
  CommandLineRunner addABookAndList(Library library) {
    return args -> {
      long id = library.addBook("Ursula K. Le Guin", "The Dispossessed", 1974);
      System.out.println("Wrote book " + id + ".");
      System.out.println("The library has " + library.books().size() + " book(s):");
      library.books().forEach(b -> System.out.println("  " + b));
    };
  }
}
