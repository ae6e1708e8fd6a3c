import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CHART_DIR, type Json } from './support/manifests';
import { valuesTableRows } from './support/values-table';
import { PROJECT_ROOT } from '../../src/paths';

/*
 * The chart's values, values.schema.json and README.md must describe the same settings: every
 * value has a schema (closed objects, so typos fail at install) and a documented default.
 */
const values = parse(readFileSync(path.join(CHART_DIR, 'values.yaml'), 'utf8')) as Json;
const schema = JSON.parse(readFileSync(path.join(CHART_DIR, 'values.schema.json'), 'utf8')) as Json;
const readme = readFileSync(path.join(CHART_DIR, 'README.md'), 'utf8');

function schemaObjects(node: Json, at: string, out: [string, Json][] = []): [string, Json][] {
  if (node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'))) out.push([at, node]);
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Json>)) schemaObjects(child, `${at}.${key}`, out);
  if (node.items) schemaObjects(node.items as Json, `${at}[]`, out);
  return out;
}

describe('chart values', () => {
  it('the schema is draft-07 and closes every object (maps constrain their values instead)', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const open = schemaObjects(schema, '$').filter(([, node]) => {
      if (node.properties) return node.additionalProperties !== false;
      // Free-form maps (labels, annotations, selectors) are allowed, but not with "anything" values.
      return node.additionalProperties === undefined || node.additionalProperties === true;
    });
    expect(open.map(([at]) => at)).toEqual([]);
  });

  it('every value has a schema entry with a description', () => {
    const missing = valuesTableRows(values, schema).filter((row) => !row.description);
    expect(missing.map((row) => row.path)).toEqual([]);
  });

  it('the README documents every value with its default and description', () => {
    const missing = valuesTableRows(values, schema)
      .map((row) => `| \`${row.path}\` | \`${row.default}\` | ${row.description} |`)
      .filter((line) => !readme.includes(line));
    expect(missing).toEqual([]);
  });

  it('runs Node with the same NODE_OPTIONS as the image (and the benchmarks), which docs/performance.md measured', () => {
    const image = /NODE_OPTIONS="([^"]*)"/.exec(readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'))?.[1];
    expect(image).toMatch(/--max-old-space-size=\d+ --max-semi-space-size=\d+/);
    expect(values.config.nodeOptions).toBe(image);
  });

  it('no secret has a default', () => {
    expect(values.secrets).toEqual({ existingSecret: '', mongodbUri: '', amqpUrl: '', bootstrapAdminApiKey: '' });
    expect([values.mongodb.auth.password, values.mongodb.auth.rootPassword, values.rabbitmq.auth.password]).toEqual(['', '', '']);
    expect(values.auth.jwks).toBe('');
  });

  it('only jwt is offered as auth.mode, and the image tag is never latest', () => {
    expect(schema.properties.auth.properties.mode.enum).toEqual(['jwt']);
    expect(schema.properties.image.properties.tag.not).toEqual({ enum: ['latest'] });
  });
});
