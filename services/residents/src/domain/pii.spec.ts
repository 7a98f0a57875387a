import { describe, expect, it } from '@jest/globals';
import { canReadFullPii } from './access.js';
import { maskIdDocumentNumber, maskPhone } from './pii.js';
import { canReadResident } from './visibility.js';

describe('personal data', () => {
  it('masks all but the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86*******5678');
    expect(maskPhone('123456')).toBe('******');
  });

  it('masks the middle of an ID document number', () => {
    expect(maskIdDocumentNumber('110101199001011234')).toBe('1101**********1234');
    expect(maskIdDocumentNumber('AB1234')).toBe('******');
  });

  it('lets only staff of the property read in full; not residents, partners or the system', () => {
    expect(canReadFullPii({ subject: 's', role: 'FRONT_DESK', propertyIds: ['p1'] }, 'p1')).toBe(true);
    expect(canReadFullPii({ subject: 's', role: 'FRONT_DESK', propertyIds: ['p2'] }, 'p1')).toBe(false);
    expect(
      canReadFullPii({ subject: 's', role: 'RESIDENT', propertyIds: ['p1'], residentId: 'r1' }, 'p1'),
    ).toBe(false);
    expect(canReadFullPii({ subject: 's', role: 'PARTNER', propertyIds: ['*'] }, 'p1')).toBe(false);
    expect(canReadFullPii({ subject: 's', role: 'SYSTEM', propertyIds: ['*'] }, 'p1')).toBe(false);
  });

  it('lets a resident read their own record and nobody else’s', () => {
    const record = { _id: 'r1', propertyId: 'p1' };
    expect(
      canReadResident({ subject: 's', role: 'RESIDENT', propertyIds: ['p1'], residentId: 'r1' }, record),
    ).toBe(true);
    expect(
      canReadResident({ subject: 's', role: 'RESIDENT', propertyIds: ['p1'], residentId: 'r2' }, record),
    ).toBe(false);
  });
});
