// The shape of the Salesforce package as read from force-app source. One model serves the
// offline checks, the typed schema generator and the org emulator, so all three agree on what
// the package declares.

export type FieldType =
  | 'AutoNumber'
  | 'Checkbox'
  | 'Currency'
  | 'Date'
  | 'DateTime'
  | 'Email'
  | 'Html'
  | 'Id'
  | 'Lookup'
  | 'LongTextArea'
  | 'MasterDetail'
  | 'Number'
  | 'Percent'
  | 'Phone'
  | 'Picklist'
  | 'MultiselectPicklist'
  | 'Text'
  | 'TextArea'
  | 'Time'
  | 'Url';

export interface PicklistValue {
  apiName: string;
  label: string;
  isDefault: boolean;
}

export interface FieldDef {
  /** API name, e.g. `Send_Option__c`. */
  apiName: string;
  label: string;
  type: FieldType;
  description?: string;
  inlineHelpText?: string;
  /** Text length, or total digits for numbers. */
  length?: number;
  precision?: number;
  scale?: number;
  required: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive?: boolean;
  defaultValue?: string;
  /** Picklists: the values, and whether the set is restricted. */
  picklistValues?: PicklistValue[];
  restricted?: boolean;
  /** Lookups and master-details: the target object and relationship names. */
  referenceTo?: string;
  relationshipName?: string;
  relationshipLabel?: string;
  /** Lookups: what happens when the target is deleted (SetNull, Restrict, Cascade). */
  deleteConstraint?: 'SetNull' | 'Restrict' | 'Cascade';
  /** Long text and rich text: lines shown in the editor. */
  visibleLines?: number;
  /** Auto-number fields: the display format, e.g. `ES-{00000000}`. */
  displayFormat?: string;
  /** The XML element names the field file declares, so checks can spot ones invalid for its type. */
  elements?: string[];
  /** The file the field was read from, for error messages. */
  source: string;
}

export interface ValidationRuleDef {
  fullName: string;
  active: boolean;
  /** The formula; the record is invalid when it evaluates to true. */
  errorConditionFormula: string;
  errorMessage: string;
  errorDisplayField?: string;
  source: string;
}

export interface ObjectDef {
  /** API name, e.g. `Campaign_Step__c`, `Campaign_Activity__e`, `Campaign_Setting__mdt`, `Task`. */
  apiName: string;
  kind: 'custom' | 'platformEvent' | 'customMetadata' | 'standard';
  label?: string;
  pluralLabel?: string;
  description?: string;
  nameField?: { label: string; type: 'Text' | 'AutoNumber'; displayFormat?: string };
  sharingModel?: string;
  enableActivities?: boolean;
  enableHistory?: boolean;
  /** Platform events: HighVolume / StandardVolume and PublishAfterCommit / PublishImmediately. */
  eventType?: string;
  publishBehavior?: string;
  /**
   * Set to `Activity` on Task and Event: Salesforce declares custom activity fields once on
   * `Activity` (objects/Activity/fields) and shows them on both; permission sets name them
   * `Activity.<Field>`.
   */
  declaredOn?: 'Activity';
  /** Only the fields the package itself declares (custom fields on standard objects too). */
  fields: FieldDef[];
  validationRules: ValidationRuleDef[];
  source: string;
}

export interface CustomMetadataRecordDef {
  /** `Campaign_Setting.Default` → type `Campaign_Setting__mdt`, developer name `Default`. */
  type: string;
  developerName: string;
  label: string;
  values: Record<string, string | number | boolean | null>;
  source: string;
}

export interface ChannelDef {
  /** `Sales_Campaigns__chn` */
  fullName: string;
  channelType: string;
  label: string;
  /** Member entity names, e.g. `Campaign_Step__ChangeEvent`. */
  members: string[];
  /** The member file each entry of `members` was read from, for error messages. */
  memberSources?: Record<string, string>;
  source: string;
}

export interface PermissionSetDef {
  fullName: string;
  label: string;
  objectPermissions: Array<{
    object: string;
    allowCreate: boolean;
    allowRead: boolean;
    allowEdit: boolean;
    allowDelete: boolean;
    viewAllRecords: boolean;
    modifyAllRecords: boolean;
  }>;
  fieldPermissions: Array<{ field: string; readable: boolean; editable: boolean }>;
  userPermissions: Array<{ name: string; enabled: boolean }>;
  customMetadataTypeAccesses: string[];
  tabSettings: Array<{ tab: string; visibility: string }>;
  source: string;
}

export interface PackageModel {
  objects: ObjectDef[];
  customMetadataRecords: CustomMetadataRecordDef[];
  channels: ChannelDef[];
  permissionSets: PermissionSetDef[];
}
