// Salesforce merge fields: parsing, the fields a template needs, and resolving one field against
// the records the service queried. Two syntaxes are accepted, as Salesforce itself writes them:
//   Lightning  {{{Recipient.FirstName}}}  {{{Recipient.Account.Name}}}  {{{Sender.Name}}}
//   Classic    {!Contact.FirstName}  {!Lead.Company}  {!Account.Name}  {!User.Name}
// Resolution is strict: a field absent from the record (not queried, misspelt, wrong object)
// fails the email naming the field, because a guess or an empty string in its place would send
// "Hi ," to a prospect. A field present with a null or empty value renders empty — that is
// the record's real state, and Salesforce renders it the same way.
import { ComposeError, type ComposeStage } from './composeError.ts';

export type RecipientObject = 'Contact' | 'Lead';

/** A record as the REST API returns it: fields, and relationships as nested records (or null). */
export interface SObjectValues {
  readonly [field: string]: unknown;
}

export type MergeSource = 'recipient' | 'contact' | 'lead' | 'sender' | 'organization';

export interface MergeField {
  /** The token exactly as written in the template, e.g. `{!Contact.FirstName}`. */
  readonly token: string;
  /** Where the value comes from; null when the root object is not one we know. */
  readonly source: MergeSource | null;
  /** Field path on that source, e.g. ['Account', 'Name']. */
  readonly path: readonly string[];
}

export interface MergeContext {
  readonly recipientObject: RecipientObject;
  readonly recipient: SObjectValues;
  readonly sender: SObjectValues;
  readonly organization?: SObjectValues | undefined;
}

const IDENT = '[A-Za-z][A-Za-z0-9_]*';
const PATH = `${IDENT}(?:\\.${IDENT})+`;
/** Group 1: Lightning path, group 2: classic path. Whitespace inside the braces is tolerated. */
const TOKEN = new RegExp(`\\{\\{\\{\\s*(${PATH})\\s*\\}\\}\\}|\\{!\\s*(${PATH})\\s*\\}`, 'g');

const LIGHTNING_ROOTS: Record<string, MergeSource> = {
  recipient: 'recipient',
  sender: 'sender',
  organization: 'organization',
};
const CLASSIC_ROOTS: Record<string, MergeSource> = {
  contact: 'contact',
  lead: 'lead',
  user: 'sender',
  organization: 'organization',
};

function toField(
  token: string,
  lightningPath: string | undefined,
  classicPath: string | undefined,
): MergeField {
  const parts = (lightningPath ?? classicPath ?? '').split('.');
  const root = (parts[0] ?? '').toLowerCase();
  const rest = parts.slice(1);
  if (lightningPath !== undefined) return { token, source: LIGHTNING_ROOTS[root] ?? null, path: rest };
  // {!Account.Name} in a Contact template means the contact's account, as in classic templates.
  if (root === 'account') return { token, source: 'contact', path: ['Account', ...rest] };
  return { token, source: CLASSIC_ROOTS[root] ?? null, path: rest };
}

/** Splits text into literal strings and merge fields, in order. */
export function splitOnMergeFields(text: string): Array<string | MergeField> {
  const parts: Array<string | MergeField> = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(toField(match[0], match[1], match[2]));
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * A template made readable where no person's values are at hand, e.g. a Task's subject written
 * before the email is composed: each merge field becomes its field name in brackets
 * (`An idea for {!Contact.Account.Name}` → `An idea for [Account.Name]`), so a rep never reads a
 * raw merge token in Salesforce.
 */
export function templateTitle(text: string): string {
  return splitOnMergeFields(text)
    .map((part) => {
      if (typeof part === 'string') return part;
      const name = part.path.join('.');
      if (part.source === 'sender') return `[Sender.${name}]`;
      if (part.source === 'organization') return `[Organization.${name}]`;
      return `[${name || part.token.replace(/[{}!]/g, '')}]`;
    })
    .join('');
}

export function mergeFieldsIn(text: string): MergeField[] {
  return splitOnMergeFields(text).filter((part): part is MergeField => typeof part !== 'string');
}

/**
 * The fields a template needs, per object, so the service queries exactly those.
 * `recipient` fields apply to whichever object the person is (Contact or Lead).
 */
export interface RequiredFields {
  recipient: string[];
  Contact: string[];
  Lead: string[];
  User: string[];
  Organization: string[];
  /** Tokens whose root object is unknown (e.g. `{{{Opportunity.Name}}}`): the template is invalid. */
  unknown: string[];
}

export function requiredFields(texts: string | readonly string[]): RequiredFields {
  const required: RequiredFields = {
    recipient: [],
    Contact: [],
    Lead: [],
    User: [],
    Organization: [],
    unknown: [],
  };
  const listFor: Record<MergeSource, string[]> = {
    recipient: required.recipient,
    contact: required.Contact,
    lead: required.Lead,
    sender: required.User,
    organization: required.Organization,
  };
  for (const text of typeof texts === 'string' ? [texts] : texts) {
    for (const field of mergeFieldsIn(text)) {
      const list = field.source === null ? required.unknown : listFor[field.source];
      const name = field.source === null ? field.token : field.path.join('.');
      if (!list.includes(name)) list.push(name);
    }
  }
  return required;
}

/** Fields the composer itself reads besides the template's: addresses, names, time zone. */
const RECIPIENT_BASE = ['Email', 'Name'];
const SENDER_BASE = ['Email', 'Name', 'TimeZoneSidKey'];

/** The SOQL field lists for one person: the template's fields plus what composition needs. */
export function fieldsToQuery(
  required: RequiredFields,
  recipientObject: RecipientObject,
): { recipient: string[]; sender: string[]; organization: string[] } {
  const ownObject = recipientObject === 'Contact' ? required.Contact : required.Lead;
  return {
    recipient: unique([...RECIPIENT_BASE, ...required.recipient, ...ownObject]),
    sender: unique([...SENDER_BASE, ...required.User]),
    organization: unique(required.Organization),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function lookup(record: SObjectValues, key: string): unknown {
  if (Object.hasOwn(record, key)) return record[key];
  // API names are case-insensitive in Salesforce; templates are not always written in the
  // record's own casing.
  const lower = key.toLowerCase();
  for (const candidate of Object.keys(record)) {
    if (candidate.toLowerCase() === lower && candidate !== 'attributes') return record[candidate];
  }
  return undefined;
}

/**
 * The value of one merge field as plain text ('' for an empty value), or a ComposeError naming
 * the field when it cannot be resolved.
 */
function unresolved(field: MergeField, stage: ComposeStage, why: string): never {
  throw new ComposeError(
    'MAIL.UNRESOLVED_MERGE_FIELD',
    `${stage}: merge field ${field.token} ${why}`,
    stage,
    field.token,
  );
}

export function resolveMergeField(field: MergeField, context: MergeContext, stage: ComposeStage): string {
  let record: SObjectValues | undefined;
  switch (field.source) {
    case null:
      return unresolved(
        field,
        stage,
        'names an object the composer does not know (use Recipient, Sender, Organization, Contact, Lead, Account or User)',
      );
    case 'recipient':
      record = context.recipient;
      break;
    case 'contact':
    case 'lead': {
      const wanted: RecipientObject = field.source === 'contact' ? 'Contact' : 'Lead';
      if (context.recipientObject !== wanted)
        return unresolved(
          field,
          stage,
          `needs a ${wanted} but the recipient is a ${context.recipientObject}`,
        );
      record = context.recipient;
      break;
    }
    case 'sender':
      record = context.sender;
      break;
    case 'organization':
      record = context.organization;
      if (record === undefined)
        return unresolved(field, stage, 'cannot be resolved: no organization record was provided');
      break;
  }
  let value: unknown = record;
  for (let i = 0; i < field.path.length; i++) {
    // A null relationship (a contact without an account) is an empty value, not an error.
    if (value === null) return '';
    if (typeof value !== 'object')
      return unresolved(
        field,
        stage,
        `cannot be resolved: ${field.path.slice(0, i).join('.')} is not a relationship`,
      );
    value = lookup(value as SObjectValues, field.path[i] as string);
    if (value === undefined)
      return unresolved(
        field,
        stage,
        `cannot be resolved: the record has no field ${field.path.slice(0, i + 1).join('.')}`,
      );
  }
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return unresolved(field, stage, 'is a relationship or compound value, not a field');
}
