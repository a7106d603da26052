// Which XML elements each field type takes. The Metadata API accepts a field file with an
// element that makes no sense for its type (a `length` on a Checkbox, a `valueSet` on Text) only
// to fail at deploy time, or silently ignores it; these tables catch both offline.

import type { FieldType } from '../model.ts';

export const KNOWN_FIELD_TYPES: readonly FieldType[] = [
  'AutoNumber',
  'Checkbox',
  'Currency',
  'Date',
  'DateTime',
  'Email',
  'Html',
  'Id',
  'Lookup',
  'LongTextArea',
  'MasterDetail',
  'Number',
  'Percent',
  'Phone',
  'Picklist',
  'MultiselectPicklist',
  'Text',
  'TextArea',
  'Time',
  'Url',
];

/** Elements any field may carry. */
const COMMON_ELEMENTS = [
  'fullName',
  'label',
  'description',
  'inlineHelpText',
  'type',
  'required',
  'trackHistory',
  'trackTrending',
  'trackFeedHistory',
  'fieldManageability',
  'businessOwnerGroup',
  'businessOwnerUser',
  'businessStatus',
  'complianceGroup',
  'securityClassification',
  'externalDeveloperName',
];

const TYPE_ELEMENTS: Record<FieldType, string[]> = {
  AutoNumber: ['displayFormat', 'externalId'],
  Checkbox: ['defaultValue', 'formula'],
  Currency: ['precision', 'scale', 'defaultValue', 'formula', 'formulaTreatBlanksAs'],
  Date: ['defaultValue', 'formula', 'formulaTreatBlanksAs'],
  DateTime: ['defaultValue', 'formula', 'formulaTreatBlanksAs'],
  Email: ['defaultValue', 'externalId', 'unique'],
  Html: ['length', 'visibleLines'],
  Id: [],
  Lookup: ['referenceTo', 'relationshipName', 'relationshipLabel', 'deleteConstraint', 'lookupFilter'],
  LongTextArea: ['length', 'visibleLines', 'defaultValue'],
  MasterDetail: [
    'referenceTo',
    'relationshipName',
    'relationshipLabel',
    'relationshipOrder',
    'reparentableMasterDetail',
    'writeRequiresMasterRead',
    'lookupFilter',
  ],
  Number: ['precision', 'scale', 'defaultValue', 'externalId', 'unique', 'formula', 'formulaTreatBlanksAs'],
  Percent: ['precision', 'scale', 'defaultValue', 'formula', 'formulaTreatBlanksAs'],
  Phone: ['defaultValue'],
  Picklist: ['valueSet'],
  MultiselectPicklist: ['valueSet', 'visibleLines'],
  Text: [
    'length',
    'defaultValue',
    'externalId',
    'unique',
    'caseSensitive',
    'formula',
    'formulaTreatBlanksAs',
  ],
  TextArea: ['defaultValue'],
  Time: ['defaultValue', 'formula', 'formulaTreatBlanksAs'],
  Url: ['defaultValue'],
};

/** Elements a field of the type cannot deploy without. */
export const REQUIRED_TYPE_ELEMENTS: Partial<Record<FieldType, string[]>> = {
  AutoNumber: ['displayFormat'],
  Html: ['length', 'visibleLines'],
  Lookup: ['referenceTo', 'relationshipName'],
  LongTextArea: ['length', 'visibleLines'],
  MasterDetail: ['referenceTo', 'relationshipName'],
  Number: ['precision', 'scale'],
  Currency: ['precision', 'scale'],
  Percent: ['precision', 'scale'],
  Picklist: ['valueSet'],
  MultiselectPicklist: ['valueSet', 'visibleLines'],
  Text: ['length'],
};

export function isKnownFieldType(type: string): type is FieldType {
  return (KNOWN_FIELD_TYPES as readonly string[]).includes(type);
}

export function allowedElements(type: FieldType): Set<string> {
  return new Set([...COMMON_ELEMENTS, ...TYPE_ELEMENTS[type]]);
}

/** Salesforce's length limits, by type. */
export const LENGTH_LIMITS: Partial<Record<FieldType, { min: number; max: number }>> = {
  Text: { min: 1, max: 255 },
  LongTextArea: { min: 256, max: 131072 },
  Html: { min: 256, max: 131072 },
};
