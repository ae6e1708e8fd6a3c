import { randomUUID } from 'node:crypto';

type Json = Record<string, unknown>;

/**
 * A notebook offer whose outcomes against EU GPP 2021 core can be checked by hand:
 * TS6 (≥ 300 cycles) exactly at the threshold → pass; TS8 SoH
 * software, shown by a test report → pass; TS9 charge limit
 * software false → fail; TS3 warranty 3 y incl. battery → pass; TS2 spare parts 2 y < 3 → fail;
 * TS1 service agreement undeclared → evidence missing; TS4 manual + battery/display replaceable →
 * pass; TS14 USB-C → pass; TS18 TEC 50 % below the limit → pass; TS11 drop test from 76 cm → pass;
 * TS21 halogens undeclared but EPEAT (IEEE 1680.1-2018, valid) → pass by label presumption;
 * TS5 secure erase undeclared → evidence missing; TS23 no take-back service → evidence missing;
 * refurbished-only criteria → not applicable.
 */
export function handCheckedNotebookOffer(overrides: Json = {}): Json {
  return {
    id: `offer-${randomUUID().slice(0, 8)}`,
    tenderRef: 'TENDER-2026-ICT-7',
    supplier: { name: 'Nordic Laptops AB', country: 'SE' },
    items: [
      {
        category: 'notebook',
        manufacturer: 'Acme',
        model: 'EcoBook 14',
        isRefurbished: false,
        battery: { hasBattery: true, cyclesAt80pct: 300, sohSoftware: true, chargeLimitSoftware: false },
        lifetime: {
          warrantyYears: 3,
          warrantyCoversBattery: true,
          sparePartsYears: 2,
          repairManualPublic: true,
          replaceableWithCommonTools: ['battery', 'display', 'keyboard'],
        },
        interoperability: { usbCCharging: true },
        energy: { tecKWhPerYear: 15, energyStarTecLimitKWhPerYear: 30, ecodesignTecLimitKWhPerYear: 40, energyStarCertified: true, energyStarVersion: '8.0' },
        durability: { dropTest: { standard: 'IEC 60068-2-31', heightCm: 76, passed: true } },
        ecolabels: [{ scheme: 'EPEAT', version: 'IEEE 1680.1-2018', tier: 'silver', certificateId: 'EPEAT-777', validUntil: '2030-12-31', covers: { manufacturer: 'Acme', models: ['EcoBook 14'] } }],
        evidence: [{ kind: 'test_report', ref: 'LAB-2026-0042', issuer: 'Accredited Lab', covers: ['battery.sohSoftware'] }],
      },
    ],
    ...overrides,
  };
}

/** A notebook that passes every mandatory EU GPP 2021 core criterion it is checked against. */
export function compliantNotebookOffer(supplier: string, tecKWhPerYear: number): Json {
  return {
    id: `offer-${supplier.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 6)}`,
    tenderRef: 'TENDER-RANKING',
    supplier: { name: supplier, country: 'NO' },
    items: [
      {
        category: 'notebook',
        manufacturer: 'Acme',
        model: `Model ${tecKWhPerYear}`,
        isRefurbished: false,
        battery: { hasBattery: true, cyclesAt80pct: 1000, sohSoftware: true, chargeLimitSoftware: true },
        lifetime: {
          warrantyYears: 5,
          warrantyCoversBattery: true,
          serviceAgreementYears: 5,
          sparePartsYears: 7,
          repairManualPublic: true,
          replaceableWithCommonTools: ['battery', 'display', 'keyboard', 'memory', 'storage'],
        },
        interoperability: { usbCCharging: true, secureEraseBuiltIn: true },
        endOfLife: { dataSanitisationStandard: 'NIST SP 800-88r1' },
        energy: { tecKWhPerYear, energyStarTecLimitKWhPerYear: 30, ecodesignTecLimitKWhPerYear: 40, energyStarCertified: true, energyStarVersion: '8.0' },
        durability: { dropTest: { standard: 'IEC 60068-2-31', heightCm: 76, passed: true } },
        materials: { halogenFreePlasticsOver25g: true },
        declarations: { 'honour-service-agreement': true },
      },
    ],
    services: [
      { kind: 'take_back', dataSanitisationStandard: 'NIST SP 800-88r1', reuseFirst: true, recyclerCertification: 'WEEELABEX', endDestinationReporting: { frequency: 'annual' } },
    ],
  };
}
