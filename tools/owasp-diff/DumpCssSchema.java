// Dumps OWASP's CssSchema.DEFAULT, restricted to the property names given as arguments, as one JSON object, so the
// STRICT validator can check CSS values per property the way Digital Post's sanitizer does (see dump-css.sh).
// Property's fields and CssSchema.forKey are package-private, hence the reflection.
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.owasp.html.CssSchema;

public final class DumpCssSchema {
  private static final String[] BIT_NAMES = {
    "BIT_QUANTITY", "BIT_HASH_VALUE", "BIT_NEGATIVE", "BIT_STRING", "BIT_URL", "BIT_UNRESERVED_WORD",
    "BIT_UNICODE_RANGE",
  };

  public static void main(String[] args) throws Exception {
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : args) {
      try {
        CssSchema.withProperties(List.of(name));
        known.add(name);
      } catch (IllegalArgumentException e) {
        unknown.add(name);
      }
    }
    // The same schema the generated StrictPolicy uses, so a function key that points outside it resolves to
    // DISALLOWED here exactly as it does there.
    CssSchema schema = CssSchema.withProperties(known);
    Method forKey = CssSchema.class.getDeclaredMethod("forKey", String.class);
    forKey.setAccessible(true);
    Field disallowedField = CssSchema.class.getDeclaredField("DISALLOWED");
    disallowedField.setAccessible(true);
    Object disallowed = disallowedField.get(null);
    Class<?> propertyClass = Class.forName("org.owasp.html.CssSchema$Property");
    Field bitsField = propertyClass.getDeclaredField("bits");
    Field literalsField = propertyClass.getDeclaredField("literals");
    Field fnKeysField = propertyClass.getDeclaredField("fnKeys");
    bitsField.setAccessible(true);
    literalsField.setAccessible(true);
    fnKeysField.setAccessible(true);
    Map<String, Integer> bitValues = new TreeMap<>();
    for (String bit : BIT_NAMES) {
      Field f = CssSchema.class.getDeclaredField(bit);
      f.setAccessible(true);
      bitValues.put(bit, f.getInt(null));
    }

    StringBuilder out = new StringBuilder("{\n  \"bits\": {");
    boolean first = true;
    for (Map.Entry<String, Integer> e : bitValues.entrySet()) {
      out.append(first ? "" : ", ").append(json(e.getKey())).append(": ").append(e.getValue());
      first = false;
    }
    out.append("},\n  \"unknown\": [");
    for (int i = 0; i < unknown.size(); i++) out.append(i == 0 ? "" : ", ").append(json(unknown.get(i)));
    out.append("],\n  \"properties\": {");
    first = true;
    for (String name : new TreeSet<>(known)) {
      Object p = forKey.invoke(schema, name);
      int bits = bitsField.getInt(p);
      @SuppressWarnings("unchecked")
      Set<String> literals = new TreeSet<>((Set<String>) literalsField.get(p));
      @SuppressWarnings("unchecked")
      Map<String, String> fnKeys = new TreeMap<>((Map<String, String>) fnKeysField.get(p));
      out.append(first ? "\n" : ",\n").append("    ").append(json(name)).append(": {\"bits\": ").append(bits);
      first = false;
      out.append(", \"literals\": [");
      int i = 0;
      for (String literal : literals) out.append(i++ == 0 ? "" : ", ").append(json(literal));
      out.append("], \"functions\": {");
      i = 0;
      for (Map.Entry<String, String> fn : fnKeys.entrySet()) {
        // Only keys the schema resolves: OWASP treats the rest as DISALLOWED and emits nothing for them.
        if (forKey.invoke(schema, fn.getValue()) == disallowed) continue;
        out.append(i++ == 0 ? "" : ", ").append(json(fn.getKey())).append(": ").append(json(fn.getValue()));
      }
      out.append("}}");
    }
    out.append("\n  }\n}\n");
    System.out.print(out);
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
