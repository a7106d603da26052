// The standard objects the product touches, with the fields it reads or writes. Not the full
// Salesforce describe: a field missing here answers INVALID_FIELD, which is what we want a test
// to notice rather than silently succeed.
import { field, picklist, reference, systemField } from './fieldFactory.ts';
import type { FieldSchema } from './types.ts';

export interface StandardObjectSpec {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  /** Has OwnerId. */
  owned: boolean;
  createable: boolean;
  fields: FieldSchema[];
}

const TIME_ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'GMT',
];

const timeZoneField = (): FieldSchema =>
  picklist('TimeZoneSidKey', TIME_ZONES, {
    label: 'Time Zone',
    nillable: false,
    defaultValue: 'America/Los_Angeles',
  });

/** `FirstName LastName`, computed by the platform (see records/computedFields.ts). */
const personName = (): FieldSchema[] => [
  field('FirstName', 'string', { length: 40 }),
  field('LastName', 'string', { length: 80, nillable: false }),
  systemField('Name', 'string', { length: 121, nameField: true, label: 'Full Name' }),
];

const weekdayHours = (): FieldSchema[] =>
  ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].flatMap((day) => [
    field(`${day}StartTime`, 'time'),
    field(`${day}EndTime`, 'time'),
  ]);

export const STANDARD_OBJECTS: StandardObjectSpec[] = [
  {
    name: 'Organization',
    label: 'Organization',
    labelPlural: 'Organizations',
    keyPrefix: '00D',
    owned: false,
    createable: false,
    fields: [
      field('Name', 'string', { length: 80, nameField: true, updateable: false }),
      timeZoneField(),
      field('DefaultLocaleSidKey', 'string', { length: 40 }),
      field('LanguageLocaleKey', 'string', { length: 40 }),
      field('OrganizationType', 'string', { length: 40, updateable: false }),
      field('InstanceName', 'string', { length: 5, updateable: false }),
      field('IsSandbox', 'boolean', { updateable: false }),
    ],
  },
  {
    name: 'User',
    label: 'User',
    labelPlural: 'Users',
    keyPrefix: '005',
    owned: false,
    createable: true,
    fields: [
      field('Username', 'string', { length: 80, nillable: false, unique: true, idLookup: true }),
      ...personName(),
      field('Email', 'email', { nillable: false }),
      field('Alias', 'string', { length: 8 }),
      field('IsActive', 'boolean', { defaultValue: true }),
      timeZoneField(),
      field('LocaleSidKey', 'string', { length: 40, defaultValue: 'en_US' }),
      field('LanguageLocaleKey', 'string', { length: 40, defaultValue: 'en_US' }),
      field('EmailEncodingKey', 'string', { length: 40, defaultValue: 'UTF-8' }),
      field('Title', 'string', { length: 80 }),
      field('Phone', 'phone'),
      field('MobilePhone', 'phone'),
      field('CompanyName', 'string', { length: 80 }),
      field('Department', 'string', { length: 80 }),
      field('Signature', 'textarea', { length: 1333 }),
    ],
  },
  {
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    owned: true,
    createable: true,
    fields: [
      field('Name', 'string', { length: 255, nillable: false, nameField: true, label: 'Account Name' }),
      field('Industry', 'string', { length: 255 }),
      field('Website', 'url'),
      field('Phone', 'phone'),
      field('BillingStreet', 'textarea'),
      field('BillingCity', 'string', { length: 40 }),
      field('BillingState', 'string', { length: 80 }),
      field('BillingPostalCode', 'string', { length: 20 }),
      field('BillingCountry', 'string', { length: 80 }),
    ],
  },
  {
    name: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    owned: true,
    createable: true,
    fields: [
      ...personName(),
      field('Email', 'email'),
      field('Title', 'string', { length: 128 }),
      field('Phone', 'phone'),
      field('MobilePhone', 'phone'),
      field('Salutation', 'string', { length: 40 }),
      field('Department', 'string', { length: 80 }),
      reference('AccountId', ['Account'], 'Account', { label: 'Account ID' }),
      field('HasOptedOutOfEmail', 'boolean', { label: 'Email Opt Out' }),
    ],
  },
  {
    name: 'Lead',
    label: 'Lead',
    labelPlural: 'Leads',
    keyPrefix: '00Q',
    owned: true,
    createable: true,
    fields: [
      ...personName(),
      field('Company', 'string', { length: 255, nillable: false }),
      field('Email', 'email'),
      field('Title', 'string', { length: 128 }),
      field('Phone', 'phone'),
      field('MobilePhone', 'phone'),
      field('Salutation', 'string', { length: 40 }),
      field('Website', 'url'),
      field('Industry', 'string', { length: 255 }),
      picklist(
        'Status',
        ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
        {
          nillable: false,
          defaultValue: 'Open - Not Contacted',
        },
      ),
      field('HasOptedOutOfEmail', 'boolean', { label: 'Email Opt Out' }),
      field('IsConverted', 'boolean', { updateable: false }),
    ],
  },
  {
    name: 'Task',
    label: 'Task',
    labelPlural: 'Tasks',
    keyPrefix: '00T',
    owned: true,
    createable: true,
    fields: [
      field('Subject', 'string', { label: 'Subject' }),
      reference('WhoId', ['Contact', 'Lead'], 'Who', { label: 'Name ID' }),
      reference('WhatId', ['Account'], 'What', { label: 'Related To ID' }),
      field('ActivityDate', 'date', { label: 'Due Date Only' }),
      picklist('Status', ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], {
        nillable: false,
        defaultValue: 'Not Started',
      }),
      picklist('Type', ['Call', 'Email', 'Meeting', 'LinkedIn', 'Other']),
      picklist('TaskSubtype', ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], {
        restrictedPicklist: true,
        updateable: false,
      }),
      field('Description', 'textarea', { length: 32000, label: 'Comments' }),
      systemField('IsClosed', 'boolean', { label: 'Closed' }),
      field('CompletedDateTime', 'datetime', { createable: false, updateable: false, system: true }),
      picklist('Priority', ['High', 'Normal', 'Low'], { nillable: false, defaultValue: 'Normal' }),
    ],
  },
  {
    name: 'Event',
    label: 'Event',
    labelPlural: 'Events',
    keyPrefix: '00U',
    owned: true,
    createable: true,
    fields: [
      field('Subject', 'string'),
      reference('WhoId', ['Contact', 'Lead'], 'Who', { label: 'Name ID' }),
      reference('WhatId', ['Account'], 'What', { label: 'Related To ID' }),
      field('StartDateTime', 'datetime'),
      field('EndDateTime', 'datetime'),
      field('ActivityDateTime', 'datetime'),
      field('DurationInMinutes', 'int', { precision: 8 }),
      field('Description', 'textarea', { length: 32000 }),
    ],
  },
  {
    name: 'EmailMessage',
    label: 'Email Message',
    labelPlural: 'Email Messages',
    keyPrefix: '02s',
    owned: false,
    createable: true,
    fields: [
      field('Subject', 'string', { length: 3000 }),
      field('HtmlBody', 'textarea', { length: 131072, htmlFormatted: true }),
      field('TextBody', 'textarea', { length: 131072 }),
      field('FromAddress', 'email', { length: 1000 }),
      field('FromName', 'string', { length: 1000 }),
      field('ToAddress', 'string', { length: 4000 }),
      field('CcAddress', 'string', { length: 4000 }),
      field('MessageDate', 'datetime'),
      picklist('Status', ['0', '1', '2', '3', '4', '5'], { defaultValue: '3' }),
      field('Incoming', 'boolean'),
      field('MessageIdentifier', 'string', { length: 998 }),
      field('ThreadIdentifier', 'string', { length: 255 }),
      reference('RelatedToId', ['Account'], 'RelatedTo'),
      reference('ActivityId', ['Task'], 'Activity'),
    ],
  },
  {
    name: 'Holiday',
    label: 'Holiday',
    labelPlural: 'Holidays',
    keyPrefix: '0C0',
    owned: false,
    createable: true,
    fields: [
      field('Name', 'string', { length: 80, nillable: false, nameField: true }),
      field('Description', 'string', { length: 100 }),
      field('ActivityDate', 'date'),
      field('IsAllDay', 'boolean', { defaultValue: true }),
      field('IsRecurrence', 'boolean'),
      field('RecurrenceStartDate', 'date'),
      field('RecurrenceEndDateOnly', 'date'),
      picklist(
        'RecurrenceType',
        [
          'RecursDaily',
          'RecursEveryWeekday',
          'RecursMonthly',
          'RecursMonthlyNth',
          'RecursWeekly',
          'RecursYearly',
          'RecursYearlyNth',
        ],
        { restrictedPicklist: true },
      ),
      field('RecurrenceInterval', 'int', { precision: 9 }),
      field('RecurrenceDayOfWeekMask', 'int', { precision: 9 }),
      field('RecurrenceDayOfMonth', 'int', { precision: 9 }),
      picklist('RecurrenceInstance', ['First', 'Second', 'Third', 'Fourth', 'Last'], {
        restrictedPicklist: true,
      }),
      picklist(
        'RecurrenceMonthOfYear',
        [
          'January',
          'February',
          'March',
          'April',
          'May',
          'June',
          'July',
          'August',
          'September',
          'October',
          'November',
          'December',
        ],
        { restrictedPicklist: true },
      ),
      field('StartTimeInMinutes', 'int', { precision: 9 }),
      field('EndTimeInMinutes', 'int', { precision: 9 }),
    ],
  },
  {
    name: 'BusinessHours',
    label: 'Business Hours',
    labelPlural: 'Business Hours',
    keyPrefix: '01m',
    owned: false,
    createable: true,
    fields: [
      field('Name', 'string', { length: 80, nillable: false, nameField: true }),
      field('IsActive', 'boolean', { defaultValue: true }),
      field('IsDefault', 'boolean'),
      timeZoneField(),
      ...weekdayHours(),
    ],
  },
];
