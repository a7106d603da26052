// Turns a CDC message as jsforce's Faye client delivers it into a ChangeEvent.
import type { ChangeEvent } from '../app/ports/changeStream.ts';

interface CdcMessage {
  payload?: {
    ChangeEventHeader?: {
      entityName?: string;
      changeType?: string;
      recordIds?: string[];
      changedFields?: string[];
      changeOrigin?: string;
      commitTimestamp?: number;
    };
    [field: string]: unknown;
  };
  event?: { replayId?: number };
}

/** `changeOrigin` looks like `com/salesforce/api/rest/62.0;client=sales-campaigns-sync`. */
export function isOwnOrigin(changeOrigin: string | undefined, clientName: string): boolean {
  if (!changeOrigin) return false;
  return changeOrigin.split(';').some((part) => part.trim() === `client=${clientName}`);
}

export function changeEventFrom(message: unknown, clientName: string): ChangeEvent | null {
  const cdc = message as CdcMessage;
  const header = cdc?.payload?.ChangeEventHeader;
  const replayId = cdc?.event?.replayId;
  if (!header || typeof replayId !== 'number' || !header.entityName) return null;
  const { ChangeEventHeader: _header, ...fields } = cdc.payload!;
  return {
    replayId,
    entityName: header.entityName,
    changeType: header.changeType ?? 'UPDATE',
    recordIds: header.recordIds ?? [],
    changedFields: header.changedFields ?? [],
    commitTimestamp: header.commitTimestamp ?? 0,
    ownWrite: isOwnOrigin(header.changeOrigin, clientName),
    fields,
  };
}
