/**
 * What "add people" writes (DESIGN §3, who writes what): one Campaign_Enrollment__c per person
 * with Campaign__c, Contact__c or Lead__c, Status__c = Scheduled, Launched_At__c = now,
 * Send_At__c (empty = start now), Unique_Key__c = campaign id + ':' + person id, and the rep as
 * owner. Also reads the people GraphQL returns. Service module: pure functions, no template.
 */

import { fieldValue as value } from 'c/graphqlFields';

export const CONTACT = 'Contact';
export const LEAD = 'Lead';

/** The object of a record id by its key prefix (003 Contact, 00Q Lead), else null. */
export function personObjectOf(id) {
  const prefix = String(id ?? '').slice(0, 3);
  if (prefix === '003') {
    return CONTACT;
  }
  if (prefix === '00Q') {
    return LEAD;
  }
  return null;
}

export function uniqueKey(campaignId, personId) {
  return `${campaignId}:${personId}`;
}

/** The createRecord input of one enrollment. `sendAt` and `launchedAt` are ISO instants. */
export function enrollmentRecordInput({ campaignId, person, sendAt, launchedAt, ownerId }) {
  return {
    apiName: 'Campaign_Enrollment__c',
    fields: {
      Campaign__c: campaignId,
      Contact__c: person.objectApiName === CONTACT ? person.id : null,
      Lead__c: person.objectApiName === LEAD ? person.id : null,
      Status__c: 'Scheduled',
      Launched_At__c: launchedAt,
      Send_At__c: sendAt ?? null,
      Unique_Key__c: uniqueKey(campaignId, person.id),
      OwnerId: ownerId,
    },
  };
}

/** People from a GraphQL answer (Contact or Lead edges), with the fields merge fields read. */
export function peopleFromGraphQL(data, objectApiName) {
  const edges = data?.uiapi?.query?.[objectApiName]?.edges ?? [];
  return edges.map(({ node }) => {
    const record = {
      Id: node.Id,
      Name: value(node.Name),
      FirstName: value(node.FirstName),
      LastName: value(node.LastName),
      Title: value(node.Title),
      Email: value(node.Email),
    };
    if (objectApiName === CONTACT) {
      record.Account = node.Account ? { Name: value(node.Account.Name) } : null;
    } else {
      record.Company = value(node.Company);
    }
    return {
      id: node.Id,
      objectApiName,
      name: record.Name,
      email: record.Email,
      optedOut: value(node.HasOptedOutOfEmail) === true,
      record,
    };
  });
}

/** Unique keys of the people already in the campaign, from the same GraphQL answer. */
export function enrolledKeysFromGraphQL(data) {
  const edges = data?.uiapi?.query?.Campaign_Enrollment__c?.edges ?? [];
  return edges.map(({ node }) => value(node.Unique_Key__c)).filter((key) => !!key);
}

/** Whether a createRecord error is the unique key's duplicate (someone added the person meanwhile). */
export function isDuplicateKeyError(error) {
  const output = error?.body?.output;
  const all = [...(output?.errors ?? []), ...Object.values(output?.fieldErrors ?? {}).flat()];
  return all.some((e) => e.errorCode === 'DUPLICATE_VALUE');
}
