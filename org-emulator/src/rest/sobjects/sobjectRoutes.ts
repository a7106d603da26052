// `/sobjects`: describe, and create / read / update / delete / upsert of single records.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SalesforceError, notFound } from '../../core/errors.ts';
import { isValidId } from '../../core/ids.ts';
import { deleteRecord, findByField, insertRecord, upsertRecord, updateRecord } from '../../records/dml.ts';
import { describeGlobal, describeSObject, objectBasicInfo } from '../../schema/describe.ts';
import type { ServerContext } from '../context.ts';
import { runDml } from '../runDml.ts';
import { publishEvent } from './publishEvent.ts';
import { recordJson } from './recordJson.ts';

type Params = { sobject: string; id: string; field: string; value: string };
const BASE = '/services/data/v:version/sobjects';

function body(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  if (b === null || typeof b !== 'object' || Array.isArray(b)) {
    throw new SalesforceError('JSON_PARSER_ERROR', 'The request body must be a JSON object');
  }
  return b as Record<string, unknown>;
}

export function registerSObjectRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const v = ctx.apiVersion;
  const { schema } = ctx.org;

  app.get(BASE, async () => describeGlobal(schema.list(), v));
  app.get(`${BASE}/:sobject`, async (request) =>
    objectBasicInfo(schema.requireForRest((request.params as Params).sobject), v),
  );
  app.get(`${BASE}/:sobject/describe`, async (request) =>
    describeSObject(schema.requireForRest((request.params as Params).sobject), v),
  );

  app.post(`${BASE}/:sobject`, async (request, reply) => {
    const object = schema.requireForRest((request.params as Params).sobject);
    if (object.kind === 'platformEvent') {
      const result = runDml(ctx, request, (tx) => publishEvent(ctx, tx, object, body(request)));
      return reply.status(201).send(result);
    }
    const record = runDml(ctx, request, (tx) => insertRecord(ctx.org, tx, object.name, body(request)));
    reply.header('Location', `/services/data/v${v}/sobjects/${object.name}/${record.Id}`);
    return reply.status(201).send({ id: record.Id, success: true, errors: [] });
  });

  app.get(`${BASE}/:sobject/:id`, async (request) => {
    const { sobject, id } = request.params as Params;
    const object = schema.requireForRest(sobject);
    if (!isValidId(id))
      throw notFound(`Provided external ID field does not exist or is not accessible: ${id}`);
    const found = ctx.org.store.find(id);
    if (!found || found.object !== object.name) throw notFound();
    if (found.record.IsDeleted === true)
      throw new SalesforceError('ENTITY_IS_DELETED', 'entity is deleted', [], 404);
    const fields = (request.query as { fields?: string }).fields;
    return recordJson(object, found.record, v, fields ? fields.split(',') : undefined);
  });

  app.patch(`${BASE}/:sobject/:id`, async (request, reply) => {
    const { sobject, id } = request.params as Params;
    const object = schema.requireForRest(sobject);
    if (!isValidId(id))
      throw notFound(`Provided external ID field does not exist or is not accessible: ${id}`);
    runDml(ctx, request, (tx) => updateRecord(ctx.org, tx, id, body(request), object));
    return reply.status(204).send();
  });

  app.delete(`${BASE}/:sobject/:id`, async (request, reply) => {
    const { sobject, id } = request.params as Params;
    const object = schema.requireForRest(sobject);
    if (!isValidId(id))
      throw notFound(`Provided external ID field does not exist or is not accessible: ${id}`);
    runDml(ctx, request, (tx) => deleteRecord(ctx.org, tx, id, object));
    return reply.status(204).send();
  });

  app.get(`${BASE}/:sobject/:field/:value`, async (request, reply) => {
    const { sobject, field, value } = request.params as Params;
    const object = schema.requireForRest(sobject);
    const f = object.fieldsByLower.get(field.toLowerCase());
    if (!f || !(f.externalId || f.idLookup))
      throw notFound(`Provided external ID field does not exist or is not accessible: ${field}`);
    const matches = findByField(ctx.org, object, f.name, value);
    if (matches.length === 0) throw notFound();
    if (matches.length > 1)
      return reply
        .status(300)
        .send(matches.map((m) => `/services/data/v${v}/sobjects/${object.name}/${m.Id}`));
    const fields = (request.query as { fields?: string }).fields;
    return recordJson(object, matches[0]!, v, fields ? fields.split(',') : undefined);
  });

  app.patch(`${BASE}/:sobject/:field/:value`, async (request, reply) => {
    const { sobject, field, value } = request.params as Params;
    const object = schema.requireForRest(sobject);
    try {
      const result = runDml(ctx, request, (tx) =>
        upsertRecord(ctx.org, tx, object.name, field, value, body(request)),
      );
      return reply
        .status(result.created ? 201 : 200)
        .send({ id: result.record.Id, success: true, errors: [], created: result.created });
    } catch (error) {
      const matches = (error as { matches?: string[] }).matches;
      if (matches)
        return reply
          .status(300)
          .send(matches.map((id) => `/services/data/v${v}/sobjects/${object.name}/${id}`));
      throw error;
    }
  });

  app.post(`${BASE}/:sobject/:field/:value`, async (request, reply) => {
    // Salesforce accepts POST for upsert on a null external id (creates); treat like PATCH.
    const { sobject, field } = request.params as Params;
    const object = schema.requireForRest(sobject);
    const result = runDml(ctx, request, (tx) =>
      upsertRecord(ctx.org, tx, object.name, field, '', body(request)),
    );
    return reply
      .status(201)
      .send({ id: result.record.Id, success: true, errors: [], created: result.created });
  });
}
