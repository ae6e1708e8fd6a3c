import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { OPENAPI_PATH } from '../../paths';

/**
 * The contract (api/openapi.yaml) as data: its text, its parsed document, and validators for its
 * component schemas, for everything that is checked outside an HTTP request (seed files, later
 * event payloads).
 */
export class Contract {
  readonly yaml: string;
  readonly document: Record<string, unknown>;
  private ajv?: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(path: string = OPENAPI_PATH) {
    this.yaml = readFileSync(path, 'utf8');
    this.document = parse(this.yaml) as Record<string, unknown>;
  }

  get schemas(): Record<string, unknown> {
    return (this.document.components as { schemas: Record<string, unknown> }).schemas;
  }

  validator(schemaName: string): ValidateFunction {
    return this.validatorAt(`#/components/schemas/${schemaName}`);
  }

  /** A validator for the schema at a JSON Pointer into the contract (compiled once). */
  validatorAt(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      if (!this.ajv) {
        this.ajv = new Ajv2020({ strict: false, allErrors: true });
        addFormats(this.ajv);
        this.ajv.addSchema(this.document, 'openapi.json');
      }
      validate = this.ajv.getSchema(`openapi.json${pointer}`);
      if (!validate) throw new Error(`No schema at ${pointer} in the contract`);
      this.validators.set(pointer, validate);
    }
    return validate;
  }

  /** Ajv's errors of a failed validation, as one message. */
  errorsText(validate: ValidateFunction, separator = ', '): string {
    return (this.ajv as Ajv2020).errorsText(validate.errors, { separator });
  }
}
