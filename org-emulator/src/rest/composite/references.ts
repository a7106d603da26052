// Composite `@{referenceId.path}` references: resolved against earlier subrequests' response
// bodies (`@{NewAccount.id}`, `@{Query.records[0].Id}`) in URLs and anywhere in request bodies.

export class UnresolvedReference extends Error {}

const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;

function lookup(results: Map<string, unknown>, refId: string, path: string): unknown {
  if (!results.has(refId))
    throw new UnresolvedReference(
      `Invalid reference specified. No value for ${refId}${path} found in ${refId}. Provided referenceId ${refId} doesn't match any referenceId in a previous subrequest.`,
    );
  let value = results.get(refId);
  for (const part of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
    const key = part.startsWith('.') ? part.slice(1) : Number(part.slice(1, -1));
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string | number, unknown>)[key]
        : undefined;
    if (value === undefined)
      throw new UnresolvedReference(
        `Invalid reference specified. No value for ${refId}${path} found in ${refId}.`,
      );
  }
  return value;
}

export function resolveString(text: string, results: Map<string, unknown>): string {
  return text.replace(REFERENCE, (_, refId: string, path: string) => String(lookup(results, refId, path)));
}

export function resolveBody(body: unknown, results: Map<string, unknown>): unknown {
  if (typeof body === 'string') {
    // A whole-string reference keeps the referenced value's JSON type (numbers stay numbers).
    const whole = /^@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}$/.exec(body);
    return whole ? lookup(results, whole[1]!, whole[2]!) : resolveString(body, results);
  }
  if (Array.isArray(body)) return body.map((item) => resolveBody(item, results));
  if (body !== null && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, resolveBody(v, results)]));
  }
  return body;
}
