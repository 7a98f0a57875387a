import { notFound, writtenUnderRunningKey } from '@courtyard/kernel';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { createBuilding, createProperty, createUnit } from '../domain/estate.js';
import { moveIn, movedInByFirstAttempt, moveOut } from '../domain/household.js';
import { registerResident } from '../domain/resident.js';

/** Each mutation: load what the command needs (NOT_FOUND first), decide in the domain, save. */
export const Mutation: MutationResolvers = {
  createProperty: async (_, { input }, context) => ({
    property: await context.repository.insertProperty(createProperty(input, context.command)),
  }),

  createBuilding: async (_, { input }, context) => {
    const property =
      (await context.loaders.propertyById.load(input.propertyId)) ?? notFound('Property', input.propertyId);
    return {
      building: await context.repository.insertBuilding(createBuilding(input, property, context.command)),
    };
  },

  createUnit: async (_, { input }, context) => {
    const building =
      (await context.loaders.buildingById.load(input.buildingId)) ?? notFound('Building', input.buildingId);
    return { unit: await context.repository.insertUnit(createUnit(input, building, context.command)) };
  },

  registerResident: async (_, { input }, context) => {
    const property =
      (await context.loaders.propertyById.load(input.propertyId)) ?? notFound('Property', input.propertyId);
    return {
      resident: await context.repository.insertResident(registerResident(input, property, context.command)),
    };
  },

  moveIn: async (_, { input }, context) => {
    const [unit, resident, household] = await Promise.all([
      context.loaders.unitById.load(input.unitId),
      context.loaders.residentById.load(input.residentId),
      context.loaders.householdByUnitId.load(input.unitId),
    ]);
    if (!unit) return notFound('Unit', input.unitId);
    if (!resident) return notFound('Resident', input.residentId);
    // A keyed re-run whose first attempt moved the resident in answers that household.
    const first = movedInByFirstAttempt(
      input,
      unit,
      household,
      household !== null && writtenUnderRunningKey(household),
      context.command,
    );
    if (first) return { household: first };
    return {
      household: await context.repository.saveHousehold(
        moveIn(input, unit, resident, household, context.command),
      ),
    };
  },

  moveOut: async (_, { input }, context) => {
    const [unit, household] = await Promise.all([
      context.loaders.unitById.load(input.unitId),
      context.loaders.householdByUnitId.load(input.unitId),
    ]);
    if (!unit) return notFound('Unit', input.unitId);
    return {
      household: await context.repository.saveHousehold(moveOut(input, unit, household, context.command)),
    };
  },
};
