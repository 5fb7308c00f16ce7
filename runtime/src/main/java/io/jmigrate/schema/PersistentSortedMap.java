package io.jmigrate.schema;

import java.util.AbstractCollection;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An immutable map sorted by its string keys: a persistent AVL tree. Adding or removing a key
 * copies only the path from the root to it (O(log n)) and shares the rest with the old map, so
 * folding a long history into a {@link Schema} costs O(n log n), not the O(n²) of copying a whole
 * map per operation.
 */
final class PersistentSortedMap<V> {
  private static final PersistentSortedMap<?> EMPTY = new PersistentSortedMap<>(null);

  private final Node<V> root;

  private PersistentSortedMap(Node<V> root) {
    this.root = root;
  }

  @SuppressWarnings("unchecked")
  static <V> PersistentSortedMap<V> empty() {
    return (PersistentSortedMap<V>) EMPTY;
  }

  private record Node<V>(String key, V value, Node<V> left, Node<V> right, int height, int size) {
    static <V> Node<V> of(String key, V value, Node<V> left, Node<V> right) {
      return new Node<>(key, value, left, right, Math.max(heightOf(left), heightOf(right)) + 1, sizeOf(left) + sizeOf(right) + 1);
    }
  }

  private static int heightOf(Node<?> n) {
    return n == null ? 0 : n.height;
  }

  private static int sizeOf(Node<?> n) {
    return n == null ? 0 : n.size;
  }

  int size() {
    return sizeOf(root);
  }

  boolean isEmpty() {
    return root == null;
  }

  V get(String key) {
    Node<V> n = root;
    while (n != null) {
      int c = key.compareTo(n.key);
      if (c == 0) {
        return n.value;
      }
      n = c < 0 ? n.left : n.right;
    }
    return null;
  }

  boolean containsKey(String key) {
    return get(key) != null; // values are never null
  }

  /** This map with {@code key} mapped to {@code value} (added or replaced). */
  PersistentSortedMap<V> put(String key, V value) {
    Objects.requireNonNull(key);
    Objects.requireNonNull(value);
    return new PersistentSortedMap<>(put(root, key, value));
  }

  /** This map without {@code key} (itself if it has no such key). */
  PersistentSortedMap<V> remove(String key) {
    Node<V> r = remove(root, key);
    return r == root ? this : new PersistentSortedMap<>(r);
  }

  private static <V> Node<V> put(Node<V> n, String key, V value) {
    if (n == null) {
      return Node.of(key, value, null, null);
    }
    int c = key.compareTo(n.key);
    if (c == 0) {
      return value == n.value ? n : new Node<>(key, value, n.left, n.right, n.height, n.size);
    }
    return c < 0 ? balance(n.key, n.value, put(n.left, key, value), n.right)
        : balance(n.key, n.value, n.left, put(n.right, key, value));
  }

  private static <V> Node<V> remove(Node<V> n, String key) {
    if (n == null) {
      return null;
    }
    int c = key.compareTo(n.key);
    if (c < 0) {
      Node<V> l = remove(n.left, key);
      return l == n.left ? n : balance(n.key, n.value, l, n.right);
    }
    if (c > 0) {
      Node<V> r = remove(n.right, key);
      return r == n.right ? n : balance(n.key, n.value, n.left, r);
    }
    if (n.left == null) {
      return n.right;
    }
    if (n.right == null) {
      return n.left;
    }
    Node<V> min = n.right;
    while (min.left != null) {
      min = min.left;
    }
    return balance(min.key, min.value, n.left, removeMin(n.right));
  }

  private static <V> Node<V> removeMin(Node<V> n) {
    return n.left == null ? n.right : balance(n.key, n.value, removeMin(n.left), n.right);
  }

  /** A node over {@code l} and {@code r}, whose heights differ by at most 2, rotated back to AVL balance. */
  private static <V> Node<V> balance(String key, V value, Node<V> l, Node<V> r) {
    int hl = heightOf(l);
    int hr = heightOf(r);
    if (hl > hr + 1) {
      if (heightOf(l.left) >= heightOf(l.right)) {
        return Node.of(l.key, l.value, l.left, Node.of(key, value, l.right, r));
      }
      Node<V> m = l.right;
      return Node.of(m.key, m.value, Node.of(l.key, l.value, l.left, m.left), Node.of(key, value, m.right, r));
    }
    if (hr > hl + 1) {
      if (heightOf(r.right) >= heightOf(r.left)) {
        return Node.of(r.key, r.value, Node.of(key, value, l, r.left), r.right);
      }
      Node<V> m = r.left;
      return Node.of(m.key, m.value, Node.of(key, value, l, m.left), Node.of(r.key, r.value, m.right, r.right));
    }
    return Node.of(key, value, l, r);
  }

  /** The values in key order, a read-only view. */
  Collection<V> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<V> iterator() {
        return new InOrder<>(root);
      }

      @Override
      public int size() {
        return PersistentSortedMap.this.size();
      }
    };
  }

  /** The keys in order. */
  Iterable<String> keys() {
    return () -> {
      InOrder<V> i = new InOrder<>(root);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return i.hasNext();
        }

        @Override
        public String next() {
          return i.nextNode().key;
        }
      };
    };
  }

  private static final class InOrder<V> implements Iterator<V> {
    private final ArrayDeque<Node<V>> stack = new ArrayDeque<>();

    InOrder(Node<V> root) {
      descend(root);
    }

    private void descend(Node<V> n) {
      for (; n != null; n = n.left) {
        stack.push(n);
      }
    }

    @Override
    public boolean hasNext() {
      return !stack.isEmpty();
    }

    Node<V> nextNode() {
      if (stack.isEmpty()) {
        throw new NoSuchElementException();
      }
      Node<V> n = stack.pop();
      descend(n.right);
      return n;
    }

    @Override
    public V next() {
      return nextNode().value;
    }
  }

  /** Same keys mapped to equal values, in the same order (the order follows from the keys). */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof PersistentSortedMap<?> m) || m.size() != size()) {
      return false;
    }
    InOrder<V> a = new InOrder<>(root);
    InOrder<?> b = new InOrder<>(m.root);
    while (a.hasNext()) {
      Node<V> x = a.nextNode();
      Node<?> y = b.nextNode();
      if (!x.key.equals(y.key) || !x.value.equals(y.value)) {
        return false;
      }
    }
    return true;
  }

  /** As {@link java.util.Map#hashCode()}: the sum of key hash xor value hash. */
  @Override
  public int hashCode() {
    int h = 0;
    for (InOrder<V> i = new InOrder<>(root); i.hasNext(); ) {
      Node<V> n = i.nextNode();
      h += n.key.hashCode() ^ n.value.hashCode();
    }
    return h;
  }
}
