import type {
  ResidentChangeResolvers,
  ResidentField as GraphQLResidentField,
  ResidentFieldChangeResolvers,
} from '../__generated__/resolvers-types.js';
import { maskIdDocumentNumber, maskPhone } from '../domain/pii.js';
import type { ResidentField } from '../domain/records.js';

const GRAPHQL_FIELD: Record<ResidentField, GraphQLResidentField> = {
  name: 'NAME',
  kind: 'KIND',
  phone: 'PHONE',
  idDocumentNumber: 'ID_DOCUMENT_NUMBER',
  vip: 'VIP',
  preferredContactChannel: 'PREFERRED_CONTACT_CHANNEL',
};

/** The history never shows personal data in full: a full read goes through `phone(full: true)`, logged. */
const MASK: Partial<Record<ResidentField, (value: string) => string>> = {
  phone: maskPhone,
  idDocumentNumber: maskIdDocumentNumber,
};

const shown = (field: ResidentField, value: string | null) =>
  value === null ? null : (MASK[field]?.(value) ?? value);

export const ResidentChange: ResidentChangeResolvers = {};

export const ResidentFieldChange: ResidentFieldChangeResolvers = {
  field: (change) => GRAPHQL_FIELD[change.field],
  from: (change) => shown(change.field, change.from),
  to: (change) => shown(change.field, change.to),
};
