#!/usr/bin/env bash
# Regenerates src/shared/html/strict-css-schema.ts: OWASP's CssSchema.DEFAULT for exactly the STRICT CSS properties
# and the STRICT functions' `name()` pseudo-properties, dumped by DumpCssSchema.java. Run it by hand when the jar or
# the STRICT property list changes; `--json` prints the raw dump instead of writing the file.
set -euo pipefail
cd "$(dirname "$0")/../.."
OWASP_JAR=${OWASP_JAR:-/usr/share/java/owasp-java-html-sanitizer.jar}
GUAVA_JAR=${GUAVA_JAR:-/usr/share/java/guava.jar}
for jar in "$OWASP_JAR" "$GUAVA_JAR"; do
  [ -f "$jar" ] || { echo "dump-css: $jar not found (apt-get install libowasp-java-html-sanitizer-java)." >&2; exit 2; }
done
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
classpath="$build:$OWASP_JAR:$GUAVA_JAR"
javac -nowarn -d "$build" -cp "$classpath" tools/owasp-diff/DumpCssSchema.java
mapfile -t names < <(npx tsx -e "
import { STRICT_POLICY } from './src/shared/html/strict-policy';
for (const p of STRICT_POLICY.css.properties) console.log(p);
for (const f of STRICT_POLICY.css.functions) console.log(f + '()');
")
java -cp "$classpath" DumpCssSchema "${names[@]}" > "$build/schema.json"
if [ "${1:-}" = "--json" ]; then cat "$build/schema.json"; exit 0; fi
version=$(unzip -p "$OWASP_JAR" META-INF/MANIFEST.MF 2>/dev/null | sed -n 's/^Bundle-Version: *//p;s/^Implementation-Version: *//p' | head -1 | tr -d '\r')
node tools/owasp-diff/css-schema-to-ts.mjs "$build/schema.json" "${version:-20191001}" > src/shared/html/strict-css-schema.ts
echo "dump-css: wrote src/shared/html/strict-css-schema.ts (OWASP ${version:-20191001})"
