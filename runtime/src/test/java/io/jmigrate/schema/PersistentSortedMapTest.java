package io.jmigrate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The persistent map against a TreeMap oracle, and the old versions it must leave untouched. */
class PersistentSortedMapTest {
  @Test
  void randomOperationsAgreeWithATreeMapAndOldVersionsStayAsTheyWere() {
    Random random = new Random(23);
    for (int round = 0; round < 20; round++) {
      TreeMap<String, Integer> oracle = new TreeMap<>();
      PersistentSortedMap<Integer> map = PersistentSortedMap.empty();
      List<TreeMap<String, Integer>> oracles = new ArrayList<>();
      List<PersistentSortedMap<Integer>> versions = new ArrayList<>();
      int keys = 1 + random.nextInt(round < 10 ? 30 : 3000);
      for (int op = 0; op < 2000; op++) {
        String key = "t" + random.nextInt(keys);
        if (random.nextInt(3) == 0) {
          oracle.remove(key);
          map = map.remove(key);
        } else {
          int value = random.nextInt(5);
          oracle.put(key, value);
          map = map.put(key, value);
        }
        if (op % 97 == 0) {
          oracles.add(new TreeMap<>(oracle));
          versions.add(map);
        }
        assertEquals(oracle.get(key), map.get(key));
        assertEquals(oracle.size(), map.size());
      }
      assertAgrees(oracle, map);
      for (int i = 0; i < versions.size(); i++) {
        assertAgrees(oracles.get(i), versions.get(i)); // persistence: nothing later changed them
      }
    }
  }

  @Test
  void staysBalancedWhenKeysArriveInOrder() {
    PersistentSortedMap<Integer> map = PersistentSortedMap.empty();
    for (int i = 0; i < 100_000; i++) {
      map = map.put(String.format("t%06d", i), i); // the shape of a long history: names in order
    }
    assertEquals(100_000, map.size());
    assertEquals(99_999, map.get("t099999"));
    for (int i = 0; i < 100_000; i += 2) {
      map = map.remove(String.format("t%06d", i));
    }
    assertEquals(50_000, map.size());
    assertEquals(null, map.get("t000000"));
    assertEquals(1, map.get("t000001"));
  }

  @Test
  void equalityAndHashFollowTheContentNotTheShape() {
    PersistentSortedMap<Integer> a = PersistentSortedMap.empty();
    PersistentSortedMap<Integer> b = PersistentSortedMap.empty();
    TreeMap<String, Integer> oracle = new TreeMap<>();
    for (int i = 0; i < 50; i++) {
      a = a.put("k" + i, i);
      b = b.put("k" + (49 - i), 49 - i); // built in the other order: another tree
      oracle.put("k" + i, i);
    }
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(oracle.hashCode(), a.hashCode());
    assertNotEquals(a, b.put("k3", 4));
    assertNotEquals(a, b.remove("k3"));
    assertSame(a, a.remove("absent"));
  }

  private static void assertAgrees(TreeMap<String, Integer> oracle, PersistentSortedMap<Integer> map) {
    assertEquals(oracle.size(), map.size());
    assertEquals(new ArrayList<>(oracle.values()), new ArrayList<>(map.values()));
    List<String> keys = new ArrayList<>();
    map.keys().forEach(keys::add);
    assertEquals(new ArrayList<>(oracle.keySet()), keys);
    for (String k : oracle.keySet()) {
      assertTrue(map.containsKey(k));
    }
    assertEquals(oracle.hashCode(), map.hashCode());
  }
}
