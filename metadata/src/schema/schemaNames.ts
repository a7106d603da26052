// How generated names are formed from API names, in one place so the generator and its readers
// agree: `Enrollment_Step__c` + `Status__c` → type `EnrollmentStepStatus`, constant
// `ENROLLMENT_STEP_STATUS_VALUES`.

function baseName(apiName: string): string {
  return apiName.replace(/__(c|e|mdt)$/, '');
}

function words(apiName: string): string[] {
  return baseName(apiName)
    .split('_')
    .filter((word) => word !== '');
}

export function picklistTypeName(objectApiName: string, fieldApiName: string): string {
  return [...words(objectApiName), ...words(fieldApiName)]
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

export function picklistConstantName(objectApiName: string, fieldApiName: string): string {
  return [...words(objectApiName), ...words(fieldApiName), 'VALUES']
    .map((word) => word.toUpperCase())
    .join('_');
}

/** Standard objects get only an interface of the package's custom fields: `TaskCustomFields`. */
export function recordInterfaceName(objectApiName: string, kind: string): string {
  return kind === 'standard' ? `${objectApiName}CustomFields` : objectApiName;
}

/** Parent reference of a custom lookup: `Campaign__c` → `Campaign__r`. */
export function parentRelationshipName(fieldApiName: string): string {
  return fieldApiName.replace(/__c$/, '__r');
}
