// In-Reply-To and References of a reply, per RFC 5322 §3.6.4: In-Reply-To is the parent's
// Message-ID; References is the parent's References (or, lacking those, its In-Reply-To) followed
// by the parent's Message-ID. Gmail and Outlook thread on these plus the subject.
import { normaliseMessageId } from './messageId.ts';

export interface ParentIds {
  readonly messageId?: string | null | undefined;
  readonly references?: readonly string[] | undefined;
  readonly inReplyTo?: string | null | undefined;
}

export interface ReplyHeaders {
  readonly inReplyTo: string;
  readonly references: string[];
}

/** Long chains keep the first id (the thread's root) and the most recent ones. */
const MAX_REFERENCES = 20;

/** Null when the parent's Message-ID is unknown (sent outside the product): no reply headers. */
export function threadHeaders(parent: ParentIds): ReplyHeaders | null {
  const parentId = normaliseMessageId(parent.messageId);
  if (parentId === null) return null;
  const earlier = parent.references?.length ? parent.references : parent.inReplyTo ? [parent.inReplyTo] : [];
  const references: string[] = [];
  for (const id of [...earlier, parentId]) {
    const normal = normaliseMessageId(id);
    if (normal !== null && !references.includes(normal)) references.push(normal);
  }
  if (references.length > MAX_REFERENCES) references.splice(1, references.length - MAX_REFERENCES);
  return { inReplyTo: parentId, references };
}
