// Sanitizes each input document with the generated STRICT policy and prints what OWASP's change listener saw, in
// the shape our validator reports: discarded elements and discarded (element, attribute) pairs.
// Input: one document per line on stdin, Base64 of its UTF-8 bytes. Output: one JSON object per line, same order.
// `--info` prints the policy-translation notes (CSS properties OWASP does not know) instead.
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.PolicyFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

public final class Verdict {
  static final class Findings {
    final Set<String> elements = new LinkedHashSet<>();
    final Set<String> attributes = new LinkedHashSet<>();
  }

  static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  static String jsonArray(Set<String> items) {
    StringBuilder out = new StringBuilder("[");
    for (String item : items) out.append(out.length() > 1 ? "," : "").append(item);
    return out.append(']').toString();
  }

  public static void main(String[] args) throws Exception {
    PolicyFactory policy = StrictPolicy.build();
    if (args.length > 0 && args[0].equals("--info")) {
      System.out.println("{\"unknownCssProperties\":" + jsonArray(quoted(StrictPolicy.UNKNOWN_CSS_PROPERTIES)) + "}");
      return;
    }
    HtmlChangeListener<Findings> listener = new HtmlChangeListener<Findings>() {
      @Override
      public void discardedTag(Findings f, String element) {
        f.elements.add(json(element));
      }

      @Override
      public void discardedAttributes(Findings f, String element, String... attributes) {
        for (String a : attributes) f.attributes.add("[" + json(element) + "," + json(a) + "]");
      }
    };
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    for (String line; (line = in.readLine()) != null; ) {
      String html = new String(Base64.getDecoder().decode(line.trim()), StandardCharsets.UTF_8);
      Findings f = new Findings();
      String sanitized = policy.sanitize(html, listener, f);
      out.append("{\"elements\":").append(jsonArray(f.elements))
          .append(",\"attributes\":").append(jsonArray(f.attributes))
          .append(",\"sanitized\":").append(json(sanitized)).append("}\n");
    }
    System.out.print(out);
  }

  static Set<String> quoted(Iterable<String> items) {
    Set<String> out = new LinkedHashSet<>();
    for (String item : items) out.add(json(item));
    return out;
  }
}
