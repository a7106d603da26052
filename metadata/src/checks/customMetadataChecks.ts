// Custom metadata records must belong to a declared type and only set fields that type has, so
// the Default settings record deploys and the service reads what it expects.

import type { PackageModel } from '../model.ts';
import type { CheckProblem } from './checkResult.ts';

/** Custom metadata records must belong to a declared type and only set its fields. */
export function checkCustomMetadataRecords(model: PackageModel): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const record of model.customMetadataRecords) {
    const type = model.objects.find(
      (object) => object.apiName === record.type && object.kind === 'customMetadata',
    );
    if (type === undefined) {
      problems.push({
        check: 'schema.custom-metadata',
        file: record.source,
        message: `record '${record.developerName}' is of missing type '${record.type}'`,
      });
      continue;
    }
    for (const field of Object.keys(record.values)) {
      if (!type.fields.some((candidate) => candidate.apiName === field)) {
        problems.push({
          check: 'schema.custom-metadata',
          file: record.source,
          message: `record '${record.developerName}' sets '${field}', which ${record.type} does not have`,
        });
      }
    }
  }
  return problems;
}
