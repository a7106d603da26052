// Escaping for values placed into HTML by composition. Text content needs only & < >; attribute
// values also need quotes. Text is escaped exactly as sanitize-html writes it, so our own output
// stays canonical (see htmlPolicy.ts) and a quoted earlier email is not sanitised again.

const TEXT_SPECIAL = /[&<>]/g;
const ATTRIBUTE_SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const entity = (c: string): string => ENTITIES[c] as string;

const HAS_TEXT_SPECIAL = /[&<>]/;

export function escapeHtmlText(value: string): string {
  return HAS_TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIAL, entity) : value;
}

export function escapeHtmlAttribute(value: string): string {
  return value.replace(ATTRIBUTE_SPECIAL, entity);
}
