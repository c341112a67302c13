#!/usr/bin/env bash
# Opt-in differential check of the STRICT validator against the OWASP Java HTML Sanitizer (`npm run test:owasp`).
# A report, not a gate: it exits 0 whatever the agreement, and non-zero only when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/../.."
OWASP_JAR=${OWASP_JAR:-/usr/share/java/owasp-java-html-sanitizer.jar}
GUAVA_JAR=${GUAVA_JAR:-/usr/share/java/guava.jar}
missing=0
for tool in java javac; do
  command -v "$tool" >/dev/null || { echo "owasp-diff: '$tool' not found; install a JDK (17 or later)." >&2; missing=1; }
done
for jar in "$OWASP_JAR" "$GUAVA_JAR"; do
  [ -f "$jar" ] || { echo "owasp-diff: $jar not found." >&2; missing=1; }
done
if [ "$missing" = 1 ]; then
  echo "owasp-diff: on Debian/Ubuntu: sudo apt-get install -y default-jdk-headless libowasp-java-html-sanitizer-java" >&2
  echo "owasp-diff: or point OWASP_JAR and GUAVA_JAR at the jars." >&2
  exit 2
fi
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
npx tsx tools/owasp-diff/gen-policy.ts > "$build/StrictPolicy.java"
classpath="$build:$OWASP_JAR:$GUAVA_JAR"
javac -nowarn -d "$build" -cp "$classpath" "$build/StrictPolicy.java" tools/owasp-diff/Verdict.java
echo "owasp-diff: $(java -cp "$classpath" Verdict --info)"
npx tsx tools/owasp-diff/diff.ts "$classpath"
