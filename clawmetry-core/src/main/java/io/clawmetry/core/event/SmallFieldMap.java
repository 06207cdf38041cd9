package io.clawmetry.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of an object node the fast path builds: two parallel arrays searched in order, with the semantics of the
 * {@link java.util.LinkedHashMap} Jackson uses (insertion order; a repeated name keeps its first position and takes the
 * new value). Entries hold a handful of fields, so a scan beats hashing and allocates a fraction of the memory.
 */
final class SmallFieldMap extends AbstractMap<String, JsonNode> {

  private String[] names = new String[8];
  private int[] hashes = new int[8];
  private JsonNode[] values = new JsonNode[8];
  private int size;

  @Override
  public int size() {
    return size;
  }

  /** One pass comparing cached hash codes first: most names looked up or added are absent or another instance. */
  private int indexOf(Object name) {
    if (!(name instanceof String s)) {
      return -1;
    }
    int h = s.hashCode();
    for (int i = 0; i < size; i++) {
      if (hashes[i] == h && (names[i] == s || s.equals(names[i]))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public JsonNode get(Object name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    Objects.requireNonNull(name, "name");
    int i = indexOf(name);
    if (i >= 0) {
      JsonNode old = values[i];
      values[i] = value;
      return old;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    hashes[size] = name.hashCode();
    values[size++] = value;
    return null;
  }

  @Override
  public JsonNode remove(Object name) {
    int i = indexOf(name);
    if (i < 0) {
      return null;
    }
    JsonNode old = values[i];
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    System.arraycopy(names, i + 1, names, i, size - i - 1);
    System.arraycopy(hashes, i + 1, hashes, i, size - i - 1);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    size--;
    names[size] = null;
    values[size] = null;
  }

  @Override
  public void clear() {
    Arrays.fill(names, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return new Iterator<>() {
          private int next;
          private int last = -1;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, JsonNode> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            last = next++;
            return new Field(last);
          }

          @Override
          public void remove() {
            if (last < 0) {
              throw new IllegalStateException();
            }
            removeAt(last);
            next = last;
            last = -1;
          }
        };
      }
    };
  }

  /** A live entry: {@link #setValue} writes through, as a {@link java.util.LinkedHashMap}'s does. */
  private final class Field implements Map.Entry<String, JsonNode> {
    private final String name;
    private int index;

    Field(int index) {
      this.index = index;
      this.name = names[index];
    }

    private int current() {
      if (index >= size || names[index] != name) {
        index = indexOf(name);
      }
      return index;
    }

    @Override
    public String getKey() {
      return name;
    }

    @Override
    public JsonNode getValue() {
      int i = current();
      return i < 0 ? null : values[i];
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      int i = current();
      if (i < 0) {
        throw new IllegalStateException("removed: " + name);
      }
      JsonNode old = values[i];
      values[i] = value;
      return old;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e
          && name.equals(e.getKey())
          && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return name.hashCode() ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return name + "=" + getValue();
    }
  }
}
