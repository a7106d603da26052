// The standard objects and fields the package may point at (lookups, permission sets, channel
// members). Deliberately a short list: adding a name here is a conscious decision that the org
// really has it, where a typo would otherwise pass.

export const STANDARD_OBJECTS = new Set([
  'Account',
  'Contact',
  'Lead',
  'User',
  'Task',
  'Event',
  'Holiday',
  'Opportunity',
  'Case',
  'Campaign',
  'EmailTemplate',
  'OrgWideEmailAddress',
]);

/** Standard fields a permission set may grant (fields that are required cannot take field permissions). */
export const STANDARD_PERMISSIONABLE_FIELDS = new Set([
  'Contact.Email',
  'Contact.Title',
  'Contact.Phone',
  'Contact.HasOptedOutOfEmail',
  'Lead.Email',
  'Lead.Title',
  'Lead.Phone',
  'Lead.HasOptedOutOfEmail',
]);

/** Custom fields on Task and Event are declared on, and granted through, `Activity`. */
export const ACTIVITY_OBJECT = 'Activity';
