// A step's subject and body, prepared once and rendered for many people. The body is sanitised
// and converted to text once, with its merge tokens still in it, and cut into literal parts and
// fields; rendering a person's email is then string concatenation.
//
// Values are HTML-escaped in the HTML part and inserted as-is in the text part. Escaping is
// enough when every token sits in text content. A token inside a tag — href="{{{Sender.Url}}}"
// — could turn into a javascript: link through its value, so such bodies are merged first and
// sanitised per email (the slow path).
import type { ComposeStage } from './composeError.ts';
import { escapeHtmlAttribute, escapeHtmlText } from './htmlEscape.ts';
import { sanitizeBodyHtml } from './htmlPolicy.ts';
import { resolveMergeField, splitOnMergeFields, type MergeContext, type MergeField } from './mergeFields.ts';
import { htmlToPlainText } from './textAlternative.ts';

type Parts = ReadonlyArray<string | MergeField>;

export interface CompiledBody {
  readonly html: Parts;
  readonly text: Parts;
  /** True when a merge token sits inside markup: sanitise after merging. */
  readonly tokensInMarkup: boolean;
}

/** Templates of one campaign are few and reused for thousands of people; keep the recent ones. */
const CACHE_SIZE = 1000;
const bodies = new Map<string, CompiledBody>();
const subjects = new Map<string, Parts>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

export function compileBody(templateHtml: string): CompiledBody {
  const cached = bodies.get(templateHtml);
  if (cached) return cached;
  const clean = sanitizeBodyHtml(templateHtml);
  const html = splitOnMergeFields(clean);
  let offset = 0;
  let tokensInMarkup = false;
  for (const part of html) {
    if (typeof part !== 'string' && clean.lastIndexOf('<', offset) > clean.lastIndexOf('>', offset))
      tokensInMarkup = true;
    offset += typeof part === 'string' ? part.length : part.token.length;
  }
  const text = splitOnMergeFields(htmlToPlainText(clean));
  return remember(bodies, templateHtml, { html, text, tokensInMarkup });
}

export function compileSubject(template: string): Parts {
  return subjects.get(template) ?? remember(subjects, template, splitOnMergeFields(template));
}

function render(
  parts: Parts,
  context: MergeContext,
  stage: ComposeStage,
  escape: (value: string) => string,
): string {
  let out = '';
  for (const part of parts)
    out += typeof part === 'string' ? part : escape(resolveMergeField(part, context, stage));
  return out;
}

const asIs = (value: string): string => value;

export function renderSubject(template: string, context: MergeContext): string {
  // Stored subjects of earlier emails are per person and token-free: keep them out of the cache.
  if (!template.includes('{')) return template;
  return render(compileSubject(template), context, 'subject', asIs);
}

export function renderBody(
  templateHtml: string,
  context: MergeContext,
  stage: ComposeStage = 'body',
): { html: string; text: string } {
  const compiled = compileBody(templateHtml);
  if (!compiled.tokensInMarkup) {
    return {
      html: render(compiled.html, context, stage, escapeHtmlText),
      text: render(compiled.text, context, stage, asIs),
    };
  }
  const html = sanitizeBodyHtml(render(compiled.html, context, stage, escapeHtmlAttribute));
  return { html, text: htmlToPlainText(html) };
}
