import { randomUUID } from 'node:crypto';
import { gqlOk } from './graphql.js';
import { untilWorkOrdersHas, untilWorkOrdersKnows } from './work-orders.js';

/** Operations the frontend teams use, shared by the integration tests and the demo seed. */
export const CREATE_PROPERTY = /* GraphQL */ `
  mutation CreateProperty($input: CreatePropertyInput!) {
    createProperty(input: $input) {
      property {
        id
        code
        name
        address
        timeZone
        createdAt
      }
    }
  }
`;
export const CREATE_BUILDING = /* GraphQL */ `
  mutation CreateBuilding($input: CreateBuildingInput!) {
    createBuilding(input: $input) {
      building {
        id
        name
        floors
        property {
          id
          code
        }
      }
    }
  }
`;
export const CREATE_UNIT = /* GraphQL */ `
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      unit {
        id
        number
        floor
        areaSquareMeters
        building {
          id
          name
        }
      }
    }
  }
`;
export const REGISTER_RESIDENT = /* GraphQL */ `
  mutation RegisterResident($input: RegisterResidentInput!) {
    registerResident(input: $input) {
      resident {
        id
        name
        kind
        phone
        vip
      }
    }
  }
`;
export const MOVE_IN = /* GraphQL */ `
  mutation MoveIn($input: MoveInInput!) {
    moveIn(input: $input) {
      household {
        id
        members {
          relation
          movedInOn
          resident {
            id
            name
          }
        }
      }
    }
  }
`;
export const MOVE_OUT = /* GraphQL */ `
  mutation MoveOut($input: MoveOutInput!) {
    moveOut(input: $input) {
      household {
        id
        members(includePast: true) {
          movedInOn
          movedOutOn
          resident {
            id
          }
        }
      }
    }
  }
`;

export const uniqueCode = (prefix = 'T') => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

export async function createProperty(token?: string) {
  const data = await gqlOk<{ createProperty: { property: { id: string; code: string } } }>(
    CREATE_PROPERTY,
    { input: { code: uniqueCode(), name: 'Test Court', address: '1 Test Road', timeZone: 'Asia/Shanghai' } },
    token ? { token } : {},
  );
  // Work-orders learns of properties from residents.events; intake refuses one it has not heard of.
  await untilWorkOrdersKnows(data.createProperty.property.id);
  return data.createProperty.property;
}

export async function createBuilding(propertyId: string, name = 'Building 1') {
  const data = await gqlOk<{ createBuilding: { building: { id: string } } }>(CREATE_BUILDING, {
    input: { propertyId, name, floors: 18 },
  });
  return data.createBuilding.building;
}

export async function createUnit(buildingId: string, number: string, floor = 1) {
  const data = await gqlOk<{ createUnit: { unit: { id: string } } }>(CREATE_UNIT, {
    input: { buildingId, number, floor, areaSquareMeters: 88.5 },
  });
  // Intake refuses a unit work-orders has not heard of yet (UNIT_NOT_YET_KNOWN).
  await untilWorkOrdersHas('units', { _id: data.createUnit.unit.id });
  return data.createUnit.unit;
}

export async function registerResident(propertyId: string, name: string, phone: string) {
  const data = await gqlOk<{ registerResident: { resident: { id: string } } }>(REGISTER_RESIDENT, {
    input: { propertyId, name, kind: 'OWNER', phone, idDocumentNumber: '110101199001011234' },
  });
  // Intake refuses a requester work-orders has not heard of yet (RESIDENT_NOT_YET_KNOWN).
  await untilWorkOrdersHas('residents', { _id: data.registerResident.resident.id });
  return data.registerResident.resident;
}

export async function moveIn(unitId: string, residentId: string) {
  await gqlOk(MOVE_IN, { input: { unitId, residentId, relation: 'OWNER', movedInOn: '2026-01-15' } });
  // A resident submits for the unit work-orders knows their household lives in.
  await untilWorkOrdersHas('residents', { _id: residentId, unitId });
}
