package io.jmigrate.spring.boot.slices;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application the slice tests find (its package holds the entities they scan). */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SliceApp {}
