import { graphql } from './__generated__/index.js';

/**
 * Operations a frontend team starts from. Each `graphql()` call is typed by the generated code
 * (`npm run codegen` after editing): its result and variables follow schema/api.graphql.
 */
export const CreateProperty = graphql(`
  mutation CreateProperty($input: CreatePropertyInput!) {
    createProperty(input: $input) {
      property {
        id
        code
        name
        timeZone
      }
    }
  }
`);

export const CreateBuilding = graphql(`
  mutation CreateBuilding($input: CreateBuildingInput!) {
    createBuilding(input: $input) {
      building {
        id
        name
        floors
      }
    }
  }
`);

export const CreateUnit = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      unit {
        id
        number
        floor
        areaSquareMeters
      }
    }
  }
`);

/** A property's units, one page at a time (pass `endCursor` as `after` for the next). */
export const PropertyUnits = graphql(`
  query PropertyUnits($code: String!, $first: Int, $after: String) {
    propertyByCode(code: $code) {
      id
      name
      units(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        edges {
          cursor
          node {
            id
            number
            floor
          }
        }
      }
    }
  }
`);
