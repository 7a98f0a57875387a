import { describe, expect, it } from '@jest/globals';
import { checkAccessRules, loadTypeDefs } from '@courtyard/kernel';
import { accessRules } from './access.js';

describe('surveys access table', () => {
  it('has exactly one rule per Query and Mutation field of the SDL', () => {
    expect(() =>
      checkAccessRules(loadTypeDefs(new URL('./surveys.graphql', import.meta.url)), accessRules),
    ).not.toThrow();
  });
});
