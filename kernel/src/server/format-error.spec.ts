import { describe, expect, it } from '@jest/globals';
import { boundMessage } from './format-error.js';

describe('error messages echo at most a short prefix of a bad value', () => {
  it('keeps short messages and short quoted values as they are', () => {
    const message = 'Variable "$input" got invalid value "LANDLORD" at "input.kind".';
    expect(boundMessage(message)).toBe(message);
  });

  it('shortens a 200 kB quoted value to 32 characters and bounds the message', () => {
    const value = 'x'.repeat(200_000);
    const bounded = boundMessage(`Value "${value}" does not exist in "ResidentKind" enum.`);
    expect(bounded).toBe(`Value "${'x'.repeat(32)}…" does not exist in "ResidentKind" enum.`);
  });

  it('shortens an unterminated or escaped value, and cuts any message at 500 characters', () => {
    expect(boundMessage(`got "${'a\\"'.repeat(100)}`)).toBe(`got "${'a\\"'.repeat(10)}a\\…`);
    expect(boundMessage('y'.repeat(10_000))).toHaveLength(500);
  });
});
