package io.jmigrate.spring.boot.slices;

import org.springframework.data.annotation.Id;

/** The test migrations' shelf table, as a Spring Data JDBC aggregate (its names derived by Data JDBC's H2 dialect). */
public record Shelf(@Id String name, int capacity) {}
