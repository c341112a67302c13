// Digital Post's §13.4.1 messages are java.text.MessageFormat patterns; this fills them in the way the server does, so
// a refusal made before any request reads exactly like the server's own.

/** The subset of java.text.MessageFormat the §13.4.1 messages use. */
export function formatMessage(pattern: string, args: readonly (string | number)[]): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'" && pattern[i + 1] === "'") {
      out += "'";
      i += 2;
    } else if (ch === '{') {
      const end = matchingBrace(pattern, i);
      if (end < 0) {
        out += pattern.slice(i);
        break;
      }
      out += formatArgument(pattern.slice(i + 1, end), pattern.slice(i, end + 1), args);
      i = end + 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i += 1) {
    if (pattern[i] === '{') depth += 1;
    else if (pattern[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function formatArgument(inner: string, original: string, args: readonly (string | number)[]): string {
  const [indexText, type, ...rest] = inner.split(',');
  const index = Number((indexText ?? '').trim());
  if (!Number.isInteger(index) || index < 0 || index >= args.length) return original;
  const value = args[index];
  const kind = type?.trim();
  if (kind === 'choice') return formatMessage(choose(rest.join(','), Number(value)), args);
  if (kind === 'number') return typeof value === 'number' ? String(Math.trunc(value)) : String(value);
  return String(value);
}

/** `1#one|1<many`: the last branch whose limit the value reaches (`#` inclusive, `<` exclusive). */
function choose(spec: string, value: number): string {
  const branches = splitTopLevel(spec, '|').map((branch) => {
    const match = /^\s*(-?[\d.]+)\s*([#<])([\s\S]*)$/.exec(branch);
    return match
      ? { limit: Number(match[1]), strict: match[2] === '<', text: match[3] ?? '' }
      : { limit: -Infinity, strict: false, text: branch };
  });
  let chosen = branches[0]?.text ?? '';
  for (const branch of branches) {
    if (branch.strict ? value > branch.limit : value >= branch.limit) chosen = branch.text;
  }
  return chosen;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') depth -= 1;
    else if (text[i] === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
