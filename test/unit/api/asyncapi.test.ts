import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { AsyncAPIDocumentInterface, ChannelInterface } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  EVENT_TYPES,
  type AssessmentCompletedData,
  type CloudEvent,
  type CriterionSetPublishedData,
  type CriterionSetRetiredData,
  type TenderProfileCreatedData,
} from '../../../src/domain/events/event.types';
import {
  EVENT_SCHEMAS_DIR,
  compileDocumentSchema,
  formatAjvErrors,
  formatDiagnostic,
  isError,
  loadAsyncApi,
  parseAsyncApi,
  validateEvent,
  validateEventHeaders,
} from '../../support/asyncapi';

type Json = Record<string, any>;

/**
 * 'required' | 'optional' for every key of T, checked by the compiler (tsc --noEmit): a field
 * added to, removed from or made optional in an interface breaks the maps below until the JSON
 * Schema is updated to match.
 */
type Optionality<T> = { [K in keyof T]-?: object extends Pick<T, K> ? 'optional' : 'required' };
type SetVersion = AssessmentCompletedData['criterionSets'][number];

const envelopeFields: Optionality<CloudEvent> = {
  specversion: 'required', id: 'required', source: 'required', type: 'required', time: 'required', subject: 'required',
  datacontenttype: 'required', correlationid: 'required', imclient: 'optional', data: 'required',
};
const setVersionFields: Optionality<SetVersion> = { id: 'required', version: 'required' };
const dataFields: Record<(typeof EVENT_TYPES)[number], Record<string, 'required' | 'optional'>> = {
  'assessment.completed.v1': {
    assessmentId: 'required', link: 'required', organisation: 'required', offerId: 'required', tenderRef: 'optional', profileId: 'required',
    supplierName: 'required', category: 'required', level: 'required', compliance: 'required', awardPoints: 'required',
    awardMaxPoints: 'required', awardScorePct: 'required', outcomeCounts: 'required', itemCount: 'required',
    criterionSets: 'required', evaluatedAt: 'required',
    pendingVerification: 'optional', clausesRefused: 'optional', commitmentsToObtain: 'optional', conflicts: 'optional',
  } satisfies Optionality<AssessmentCompletedData>,
  'criterion-set.published.v1': {
    setId: 'required', version: 'required', title: 'required', publisher: 'required', criteriaCount: 'required',
    productCategories: 'required', supersedes: 'optional', publishedAt: 'required', link: 'required',
  } satisfies Optionality<CriterionSetPublishedData>,
  'criterion-set.retired.v1': {
    setId: 'required', version: 'required', retiredAt: 'required', supersededBy: 'optional', link: 'required',
  } satisfies Optionality<CriterionSetRetiredData>,
  'tender-profile.created.v1': {
    profileId: 'required', organisation: 'required', tenderRef: 'optional', category: 'required', level: 'required', criterionSets: 'required',
    criteriaCount: 'required', implicit: 'required', createdAt: 'required', link: 'required',
  } satisfies Optionality<TenderProfileCreatedData>,
};
const outcomeCountFields: Optionality<AssessmentCompletedData['outcomeCounts']> = {
  pass: 'required', fail: 'required', evidence_missing: 'required', not_evaluated: 'required', not_applicable: 'required',
};

function expectObjectSchemaMatches(schema: Json, fields: Record<string, 'required' | 'optional'>): void {
  expect(schema.type).toBe('object');
  expect(schema.additionalProperties).toBe(false);
  expect(Object.keys(schema.properties as Json).sort()).toEqual(Object.keys(fields).sort());
  expect([...(schema.required as string[])].sort()).toEqual(
    Object.entries(fields)
      .filter(([, v]) => v === 'required')
      .map(([k]) => k)
      .sort(),
  );
  for (const [name, prop] of Object.entries(schema.properties as Record<string, Json>)) {
    expect({ name, description: typeof prop.description === 'string' && prop.description.length > 0 }).toEqual({ name, description: true });
  }
}

const readSchema = (file: string): Json => JSON.parse(readFileSync(path.join(EVENT_SCHEMAS_DIR, file), 'utf8')) as Json;
const schemaFiles = readdirSync(EVENT_SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'));

describe('api/asyncapi.yaml', () => {
  let document: AsyncAPIDocumentInterface;

  beforeAll(async () => {
    const parsed = await parseAsyncApi();
    const errors = parsed.diagnostics.filter(isError);
    if (errors.length > 0 || !parsed.document) {
      throw new Error(`api/asyncapi.yaml has ${errors.length} error diagnostic(s):\n${errors.map(formatDiagnostic).join('\n')}`);
    }
    document = parsed.document;
    await loadAsyncApi();
  });

  it('is AsyncAPI 3.0.0, version 1.1.0 (optional fields added within v1), with the production and local AMQP servers', () => {
    expect(document.version()).toBe('3.0.0');
    expect(document.info().version()).toBe('1.1.0');
    expect(document.info().description()).toMatch(/at least once/i);
    const servers = Object.fromEntries(document.servers().all().map((s) => [s.id(), `${s.protocol()}://${s.host()}`]));
    expect(servers).toEqual({ production: 'amqp://rabbitmq:5672', local: 'amqp://localhost:5672' });
  });

  describe.each(EVENT_TYPES)('%s', (eventType) => {
    let channel: ChannelInterface;

    // Routing key = event type; assessments add their compliance as a last segment.
    const address = eventType === 'assessment.completed.v1' ? `${eventType}.{compliance}` : eventType;

    beforeAll(() => {
      const found = document.channels().all().find((c) => c.address() === address);
      if (!found) throw new Error(`no channel with address ${address}`);
      channel = found;
    });

    it('has a channel on the durable topic exchange whose address (routing key) starts with the event type', () => {
      const binding = channel.bindings().get('amqp')?.value<Json>();
      expect(binding).toMatchObject({ is: 'routingKey', exchange: { name: 'procurement.sustainability', type: 'topic', durable: true } });
      expect(channel.messages().all().map((m) => m.name())).toEqual([eventType]);
    });

    it('has a send operation on that channel, persistent and mandatory', () => {
      const ops = document.operations().filterBySend().filter((op) => op.channels().all().some((c) => c.address() === address));
      expect(ops).toHaveLength(1);
      const op = ops[0]!;
      expect(op.messages().all().map((m) => m.name())).toEqual([eventType]);
      expect(op.bindings().get('amqp')?.value()).toMatchObject({ deliveryMode: 2, mandatory: true, timestamp: true });
    });

    it('has a message with the CloudEvents content type, correlation id and AMQP type', () => {
      const message = channel.messages().all()[0]!;
      expect(message.contentType()).toBe('application/cloudevents+json');
      expect(message.correlationId()?.location()).toBe('$message.payload#/correlationid');
      expect(message.bindings().get('amqp')?.value()).toMatchObject({ messageType: eventType });
    });

    it('has a payload built from the envelope and data schema files', () => {
      const payload = channel.messages().all()[0]!.payload()!.json<Json>();
      const [envelope, specific] = payload.allOf as [Json, Json];
      expect(envelope.$id).toBe(readSchema('cloudevent.schema.json').$id);
      expect(specific.properties.type.const).toBe(eventType);
      expect(specific.properties.data.$id).toBe(readSchema(`${eventType}.schema.json`).$id);
    });

    it('has examples whose payload and headers are valid', () => {
      const examples = channel.messages().all()[0]!.examples().all();
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        expect({ example: example.name(), errors: validateEvent(eventType, example.payload()) }).toEqual({ example: example.name(), errors: [] });
        expect(validateEventHeaders(eventType, example.headers())).toEqual([]);
      }
    });

    it('rejects payloads that break the contract', () => {
      const good = channel.messages().all()[0]!.examples().all()[0]!.payload() as Json;
      const broken = (mutate: (e: Json) => void): Json => {
        const copy = structuredClone(good);
        mutate(copy);
        return copy;
      };
      expect(validateEvent(eventType, good)).toEqual([]);
      expect(validateEvent(eventType, broken((e) => (e.data.unexpected = 1)))).toContainEqual(expect.stringContaining('unexpected'));
      expect(validateEvent(eventType, broken((e) => delete e.data.link))).toContainEqual(expect.stringContaining("'link'"));
      expect(validateEvent(eventType, broken((e) => (e.type = 'something.else.v1')))).not.toEqual([]);
      expect(validateEvent(eventType, broken((e) => (e.id = 'not-a-uuid')))).toContainEqual(expect.stringContaining('/id'));
      expect(validateEvent(eventType, broken((e) => (e.time = 'yesterday')))).toContainEqual(expect.stringContaining('/time'));
      expect(validateEvent(eventType, broken((e) => (e.extra = true)))).toContainEqual(expect.stringContaining('extra'));
      expect(validateEvent(eventType, broken((e) => delete e.correlationid))).not.toEqual([]);
    });
  });

  it('rejects an assessment with an unknown compliance, and wrong headers', () => {
    const example = document.allMessages().all().find((m) => m.name() === 'assessment.completed.v1')!.examples().all()[0]!;
    const payload = structuredClone(example.payload()) as Json;
    payload.data.compliance = 'maybe';
    expect(validateEvent('assessment.completed.v1', payload)).toContainEqual(expect.stringContaining('/data/compliance'));
    expect(validateEventHeaders('assessment.completed.v1', { eventType: 'assessment.completed.v1' })).not.toEqual([]);
    expect(validateEventHeaders('assessment.completed.v1', { eventType: 'x', compliance: 'compliant' })).not.toEqual([]);
  });

  it('reports an unknown event type', () => {
    expect(validateEvent('nope.v1', {})).toEqual([expect.stringContaining('no AsyncAPI message named "nope.v1"')]);
  });

  it('describes the compliance routing-key segment and the unroutable queue', () => {
    const bindingOf = (c: ChannelInterface): Json | undefined => c.bindings().get('amqp')?.value<Json>();
    const channels = document.channels().all();
    const assessments = channels.find((c) => c.address() === 'assessment.completed.v1.{compliance}');
    expect((assessments?.parameters().get('compliance')?.json())?.enum).toEqual(['compliant', 'undetermined', 'non-compliant']);
    expect(assessments?.description()).toContain('assessment.completed.v1.non-compliant');
    const unroutable = channels.find((c) => bindingOf(c)?.is === 'queue');
    expect(unroutable && bindingOf(unroutable)?.queue).toMatchObject({ name: 'procurement.sustainability.unroutable', durable: true });
  });
});

describe('api/events/*.schema.json', () => {
  it('has the envelope and one data schema per event type', () => {
    expect(schemaFiles.sort()).toEqual(['cloudevent.schema.json', ...EVENT_TYPES.map((t) => `${t}.schema.json`)].sort());
  });

  it.each(schemaFiles)('%s compiles with Ajv 2020 (strict) and has a stable $id and a title', (file) => {
    const schema = readSchema(file);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://procurement-sustainability.govstack.global/schemas/${file === 'cloudevent.schema.json' ? '' : 'events/'}${file}`);
    expect(typeof schema.title).toBe('string');
    // Strict mode: an unknown or misspelt keyword (e.g. `minimun`) is an error, not ignored.
    const strict = new Ajv2020({ strict: true, allErrors: true });
    addFormats(strict);
    expect(() => strict.compile(schema)).not.toThrow();
  });

  it('the envelope matches the CloudEvent interface', () => {
    const schema = readSchema('cloudevent.schema.json');
    expectObjectSchemaMatches(schema, envelopeFields);
    expect(schema.properties.data.type).toBe('object');
  });

  it.each(EVENT_TYPES)('the %s data schema matches its interface', (eventType) => {
    const schema = readSchema(`${eventType}.schema.json`);
    expectObjectSchemaMatches(schema, dataFields[eventType]);
    if (schema.properties.criterionSets) expectObjectSchemaMatches(schema.properties.criterionSets.items as Json, setVersionFields);
    if (schema.properties.outcomeCounts) expectObjectSchemaMatches(schema.properties.outcomeCounts as Json, outcomeCountFields);
  });

  it('the envelope schema alone validates any data object and rejects unknown attributes', () => {
    const validate = compileDocumentSchema(readSchema('cloudevent.schema.json'));
    const event = {
      specversion: '1.0', id: '0b6e2f4c-1d3a-4e5b-8c7d-9a0b1c2d3e4f', source: '/procurement-sustainability', type: 'x.created.v1',
      time: '2026-01-01T00:00:00Z', subject: 's', datacontenttype: 'application/json', correlationid: 'c', data: {},
    };
    expect(validate(event) ? [] : formatAjvErrors(validate.errors)).toEqual([]);
    expect(validate({ ...event, dataschema: 'x' })).toBe(false);
    expect(validate({ ...event, correlationid: 'c'.repeat(129) })).toBe(false);
    expect(validate({ ...event, data: 'text' })).toBe(false);
  });
});
