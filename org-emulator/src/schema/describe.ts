// Describe results in the REST API's shape (global and per object), complete enough for
// jsforce's metadata-driven helpers and for a careful client checking field types.
import type { FieldSchema, ObjectSchema } from './types.ts';

const SOAP_TYPE: Record<FieldSchema['type'], string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  boolean: 'xsd:boolean',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  time: 'xsd:time',
};

function urls(object: ObjectSchema, apiVersion: string): Record<string, string> {
  const base = `/services/data/v${apiVersion}/sobjects/${object.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function objectSummary(object: ObjectSchema, apiVersion: string): Record<string, unknown> {
  const isEvent = object.kind === 'platformEvent';
  return {
    activateable: false,
    createable: object.createable,
    custom: object.custom,
    customSetting: false,
    deletable: object.deletable,
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: !isEvent && object.kind !== 'customMetadata',
    mergeable: false,
    mruEnabled: false,
    name: object.name,
    queryable: object.queryable,
    replicateable: !isEvent,
    retrieveable: object.queryable,
    searchable: object.kind === 'standard' || object.kind === 'custom',
    triggerable: object.kind !== 'customMetadata',
    undeletable: object.deletable,
    updateable: object.updateable,
    urls: urls(object, apiVersion),
  };
}

export function describeGlobal(objects: ObjectSchema[], apiVersion: string): Record<string, unknown> {
  return { encoding: 'UTF-8', maxBatchSize: 200, sobjects: objects.map((o) => objectSummary(o, apiVersion)) };
}

export function describeField(f: FieldSchema): Record<string, unknown> {
  const text = ['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist'].includes(f.type);
  return {
    aggregatable: f.type !== 'textarea',
    autoNumber: f.autoNumber,
    byteLength: text || f.type === 'id' || f.type === 'reference' ? f.length * 3 : 0,
    calculated: false,
    cascadeDelete: f.cascadeDelete,
    caseSensitive: f.caseSensitive,
    createable: f.createable,
    custom: f.custom,
    defaultValue: typeof f.defaultValue === 'boolean' ? f.defaultValue : null,
    defaultValueFormula: typeof f.defaultValue === 'string' ? `'${f.defaultValue}'` : null,
    defaultedOnCreate: f.defaultValue !== undefined || f.system || f.name === 'OwnerId',
    dependentPicklist: false,
    externalId: f.externalId,
    extraTypeInfo: f.htmlFormatted ? 'richtextarea' : f.type === 'textarea' ? 'plaintextarea' : null,
    filterable: f.type !== 'textarea',
    groupable: !['textarea', 'double', 'currency', 'percent', 'datetime'].includes(f.type),
    htmlFormatted: f.htmlFormatted,
    idLookup: f.idLookup,
    label: f.label,
    length: text ? f.length : f.type === 'id' || f.type === 'reference' ? 18 : 0,
    name: f.name,
    nameField: f.nameField,
    nillable: f.nillable,
    permissionable: f.nillable && !f.system,
    picklistValues: f.picklistValues.map((v) => ({
      active: v.active,
      defaultValue: v.defaultValue,
      label: v.label,
      validFor: null,
      value: v.value,
    })),
    polymorphicForeignKey: f.referenceTo.length > 1,
    precision: f.precision,
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName ?? null,
    relationshipOrder: f.masterDetail ? 0 : null,
    restrictedDelete: f.restrictedDelete,
    restrictedPicklist: f.restrictedPicklist,
    scale: f.scale,
    soapType: SOAP_TYPE[f.type],
    sortable: f.type !== 'textarea',
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
    writeRequiresMasterRead: f.masterDetail,
  };
}

export function describeSObject(object: ObjectSchema, apiVersion: string): Record<string, unknown> {
  return {
    ...objectSummary(object, apiVersion),
    actionOverrides: [],
    childRelationships: object.childRelationships.map((r) => ({
      cascadeDelete: r.cascadeDelete,
      childSObject: r.childSObject,
      deprecatedAndHidden: false,
      field: r.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: r.relationshipName,
      restrictedDelete: r.restrictedDelete,
    })),
    compactLayoutable: false,
    fields: object.fields.map(describeField),
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [],
    searchLayoutable: false,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [{ label: 'All', name: 'everything' }],
    urls: {
      ...urls(object, apiVersion),
      compactLayouts: `/services/data/v${apiVersion}/sobjects/${object.name}/describe/compactLayouts`,
    },
  };
}

export function objectBasicInfo(object: ObjectSchema, apiVersion: string): Record<string, unknown> {
  return { objectDescribe: objectSummary(object, apiVersion), recentItems: [] };
}
