package io.jmigrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The pre-flight's union of earlier footprints decides exactly as comparing with each of them: random
 * footprints over a few tables, columns (dotted names included, as a table named {@code a.b} makes) and
 * index names, each step against the steps before it, both ways.
 */
class FootprintUnionTest {
  private static final String[] TABLES = {"a", "b", "a.b", "c", "b.c"};
  private static final String[] COLUMNS = {"a.x", "a.y", "b.x", "a.b.x", "c.z", "b.c.x", "b.c"};
  private static final String[] NAMES = {"#ix_a", "#fk_b", "#uq_c"};

  @Test
  void theUnionOverlapsExactlyWhenOneOfTheFootprintsDoes() {
    Random random = new Random(20261207);
    int overlapping = 0;
    int apart = 0;
    for (int migration = 0; migration < 2_000; migration++) {
      List<Footprint> earlier = new ArrayList<>();
      Footprint.Union union = new Footprint.Union();
      for (int step = 0; step < 6; step++) {
        Footprint f = new Footprint(false, pick(random, TABLES, 0.15), pick(random, COLUMNS, 0.12),
            pick(random, NAMES, 0.1));
        boolean any = false;
        for (Footprint e : earlier) {
          any |= f.overlaps(e);
        }
        assertEquals(any, union.overlaps(f), f + " after " + earlier);
        if (any) {
          overlapping++;
        } else {
          apart++;
        }
        earlier.add(f);
        union.add(f);
      }
    }
    assertTrue(overlapping > 1_000 && apart > 1_000, "both answers are exercised: " + overlapping + " / " + apart);
  }

  private static Set<String> pick(Random random, String[] from, double p) {
    Set<String> out = new TreeSet<>();
    for (String s : from) {
      if (random.nextDouble() < p) {
        out.add(s);
      }
    }
    return out;
  }
}
