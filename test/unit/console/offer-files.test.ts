import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { csvLine, parseCsv } from '../../../console/src/lib/csv';
import { OfferInputError } from '../../../console/src/lib/offer-build';
import { csvTemplate, jsonTemplate, offerFromCsv, offerFromFile, offerFromJson, templateColumns } from '../../../console/src/lib/offer-file';
import { fieldSpecs, type ContractDocument } from '../../../console/src/lib/offer-fields';
import type { TenderProfile } from '../../../console/src/api/types';
import { contractDocument } from '../../support/contract';

const doc = contractDocument as unknown as ContractDocument;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(contractDocument, 'openapi.json');
const validOffer = ajv.getSchema('openapi.json#/components/schemas/Offer')!;

const profile = { id: '00000000-0000-4000-8000-000000000001', tenderRef: 'T-1', category: 'notebook' } as TenderProfile;
const specs = fieldSpecs(doc, ['battery.cyclesAt80pct', 'lifetime.warrantyYears', 'supplier.iso14001', 'service.take_back.durationYears', 'durability.testsPassed']);

describe('console offer files: templates made from a profile, filled in and read back', () => {
  it('the CSV template has the offer columns first, the declared properties, statements and claim lists', () => {
    expect(templateColumns(specs, ['take-back'])).toEqual([
      'offer.id', 'offer.tenderRef', 'offer.lotRef', 'supplier.name', 'supplier.country', 'service.take_back.durationYears', 'supplier.iso14001',
      'category', 'manufacturer', 'model', 'quantity', 'isRefurbished', 'battery.cyclesAt80pct', 'battery.hasBattery', 'durability.testsPassed', 'lifetime.warrantyYears',
      'declarations.take-back', 'ecolabels', 'evidence',
    ]);
    const [header, example] = parseCsv(csvTemplate(profile, specs, ['take-back']));
    expect(header).toHaveLength(19);
    expect(example?.slice(0, 2)).toEqual(['OFFER-1', 'T-1']);
  });

  it('reads a filled CSV into a contract-valid offer: typed values, one item per row, quoted cells', () => {
    const columns = templateColumns(specs, ['take-back']);
    const row = (values: Record<string, string>) => csvLine(columns.map((c) => values[c] ?? ''));
    const csv = [
      csvLine(columns),
      row({ 'offer.id': 'O-9', 'supplier.name': 'Acme, "the best"', 'supplier.iso14001': 'yes', 'service.take_back.durationYears': '4', category: 'notebook', manufacturer: 'Acme', model: 'X1', quantity: '500', 'battery.hasBattery': 'true', 'battery.cyclesAt80pct': '800', 'durability.testsPassed': 'drop; shock', 'declarations.take-back': 'yes', evidence: JSON.stringify([{ kind: 'test_report', ref: 'Lab 42', covers: ['battery.cyclesAt80pct'] }]) }),
      row({ category: 'monitor', manufacturer: 'Acme', model: 'M24', quantity: '100', 'lifetime.warrantyYears': '4,5' }),
    ].join('\r\n');
    const offer = offerFromCsv(csv, specs);
    expect(offer).toEqual({
      id: 'O-9',
      supplier: { name: 'Acme, "the best"', iso14001: true },
      services: [{ kind: 'take_back', durationYears: 4 }],
      items: [
        { category: 'notebook', manufacturer: 'Acme', model: 'X1', quantity: 500, battery: { hasBattery: true, cyclesAt80pct: 800 }, durability: { testsPassed: ['drop', 'shock'] }, declarations: { 'take-back': true }, evidence: [{ kind: 'test_report', ref: 'Lab 42', covers: ['battery.cyclesAt80pct'] }] },
        { category: 'monitor', manufacturer: 'Acme', model: 'M24', quantity: 100, lifetime: { warrantyYears: 4.5 } },
      ],
    });
    expect(validOffer(offer) ? [] : validOffer.errors).toEqual([]);
  });

  it('names the row and column of a value of the wrong type', () => {
    const csv = 'supplier.name,category,manufacturer,model,battery.cyclesAt80pct\r\nAcme,notebook,Acme,X1,many\r\n';
    expect(() => offerFromCsv(csv, specs)).toThrow(new OfferInputError('row 2, column battery.cyclesAt80pct: "many" is not a number'));
  });

  it('the JSON template, filled in, loses its nulls and is a valid offer', () => {
    const template = JSON.parse(jsonTemplate(profile, specs, ['take-back']));
    expect(template.items[0].battery).toEqual({ cyclesAt80pct: null, hasBattery: null });
    expect(template.services).toEqual([{ kind: 'take_back', durationYears: null }]);
    template.supplier.name = 'Bravo';
    Object.assign(template.items[0], { manufacturer: 'Bravo', model: 'B2' });
    template.items[0].battery.hasBattery = false;
    const offer = offerFromFile('offer.json', JSON.stringify(template), specs);
    expect(offer).toEqual({ id: 'OFFER-1', tenderRef: 'T-1', supplier: { name: 'Bravo' }, services: [{ kind: 'take_back' }], items: [{ category: 'notebook', manufacturer: 'Bravo', model: 'B2', quantity: 1, battery: { hasBattery: false } }] });
    expect(() => offerFromJson('[1, 2]')).toThrow(OfferInputError);
    expect(() => offerFromJson('{ nope')).toThrow(/not valid JSON/);
  });

  it('writes CSV cells a spreadsheet would run as formulas as text', () => {
    expect(csvLine(['=SUM(A1)', '+1', 'plain', 'a,b'])).toBe("'=SUM(A1),'+1,plain,\"a,b\"");
    expect(parseCsv('a,"b\r\nc",d\r\n\r\n')).toEqual([['a', 'b\r\nc', 'd']]);
  });
});
