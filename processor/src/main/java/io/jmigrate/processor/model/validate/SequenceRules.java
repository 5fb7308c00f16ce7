package io.jmigrate.processor.model.validate;

import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.SequenceDeclaration;
import io.jmigrate.processor.model.TableDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sequences: one name, one definition (a generator shared by several entities must agree on start
 * and increment), a non-zero increment, and no table of the same name (PostgreSQL keeps both in
 * one namespace, and on SQLite a sequence is a table).
 */
public final class SequenceRules {
  private SequenceRules() {}

  public static List<Problem> validate(List<SequenceDeclaration> sequences, List<TableDeclaration> tables) {
    List<Problem> out = new ArrayList<>();
    Map<String, SequenceDeclaration> first = new HashMap<>();
    Set<String> tableNames = new HashSet<>();
    tables.forEach(t -> tableNames.add(t.name()));
    for (SequenceDeclaration q : sequences) {
      if (q.increment() == 0) {
        out.add(Problem.error(q.origin(), "the sequence " + q.name() + " has the increment 0; give it one that is not 0"));
        continue;
      }
      if (tableNames.contains(q.name())) {
        out.add(Problem.error(q.origin().of("name"), "the sequence " + q.name() + " has the name of a table; give it "
            + "another name"));
        continue;
      }
      SequenceDeclaration was = first.putIfAbsent(q.name(), q);
      if (was != null && (was.start() != q.start() || was.increment() != q.increment())) {
        out.add(Problem.error(q.origin(), "the sequence " + q.name() + " is declared twice, starting at " + was.start()
            + " counting by " + was.increment() + " and starting at " + q.start() + " counting by " + q.increment()
            + "; one sequence has one definition: make them agree or give one another name"));
      }
    }
    return out;
  }
}
