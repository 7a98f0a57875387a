import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import {
  freeText,
  httpUrl,
  isId,
  optionalText,
  parseInput,
  phoneForms,
  phoneNumber,
  text,
} from './validation.js';

describe('input validation', () => {
  const schema = z.object({ name: z.string().max(3), floors: z.number().int() });

  it('returns the parsed input', () => {
    expect(parseInput(schema, { name: 'abc', floors: 2 })).toEqual({ name: 'abc', floors: 2 });
  });

  it('reports every bad field at once as BAD_USER_INPUT', () => {
    expect(() => parseInput(schema, { name: 'abcd', floors: 1.5 })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        reason: 'VALIDATION_FAILED',
        details: {
          fields: [expect.objectContaining({ path: 'name' }), expect.objectContaining({ path: 'floors' })],
        },
      }) as unknown as Error,
    );
  });
});

describe('shared input rules', () => {
  it('ids are UUIDs and keys derived from them, nothing else', () => {
    expect(isId('0b9f1c5e-4c1d-4b6a-9e7f-2f1d3c4b5a69')).toBe(true);
    expect(isId('bill:0b9f1c5e-4c1d-4b6a-9e7f-2f1d3c4b5a69:2027-Q1')).toBe(true);
    for (const bad of [
      '../../../etc/passwd',
      '{"$gt":""}',
      'a\u0000',
      'a b',
      '',
      'x'.repeat(10_000),
      42,
      null,
    ])
      expect(isId(bad)).toBe(false);
  });

  it('names refuse control, line-break and bidirectional characters; free text keeps line breaks', () => {
    const name = text(100);
    expect(name.parse('  Wang Fang  ')).toBe('Wang Fang');
    for (const bad of ['a\u0000b', 'a\u0007', 'evil\u202Etxt.exe', 'a\u2066b\u2069', 'a\nb', 'a\u0085'])
      expect(name.safeParse(bad).success).toBe(false);
    const note = freeText(100);
    expect(note.parse('line one\nline two\ttab')).toBe('line one\nline two\ttab');
    expect(note.safeParse('a\u202Eb').success).toBe(false);
    expect(note.safeParse('a\u001bb').success).toBe(false);
  });

  it('refuses a control character at either end too, which trimming would otherwise drop (the fuzz found one)', () => {
    for (const rule of [text(50), freeText(50), optionalText(50)]) {
      expect(rule.safeParse('\fProperty').success).toBe(false);
      expect(rule.safeParse('Property\uFEFF').success).toBe(false);
      expect(rule.safeParse('  Property  ').data).toBe('Property');
    }
  });

  it('links are http or https only', () => {
    const url = httpUrl();
    expect(url.safeParse('https://files.example.com/a.jpg').success).toBe(true);
    expect(url.safeParse('http://10.0.0.1/x').success).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'ftp://x/y',
      'not a url',
      'https://',
    ])
      expect(url.safeParse(bad).success).toBe(false);
  });
});

describe('the phone rule', () => {
  const parse = (value: string, options?: { serviceLines?: boolean }) =>
    phoneNumber(options).safeParse(value);

  it('takes mobiles and landlines as they are written, trimmed', () => {
    for (const written of ['13812345678', '+8613812345678', '008613812345678', '02188886666', '6123456'])
      expect(parse(written).data).toBe(written);
    expect(parse('  13812345678 ').data).toBe('13812345678');
  });

  it('takes a short service line only as a contact, never as a person’s own number', () => {
    expect(parse('12345', { serviceLines: true }).data).toBe('12345');
    expect(parse('12345').error?.issues[0]?.message).toBe('must be 7-15 digits, optionally with a leading +');
    expect(parse('1234', { serviceLines: true }).error?.issues[0]?.message).toBe(
      'must be 5-15 digits, optionally with a leading +',
    );
  });

  it('refuses letters, separators, a + inside, more than 15 digits and control characters', () => {
    for (const bad of ['12ab', '12-34', 'call me', '138+12345678', '1'.repeat(16), '1381234\u00005678', ''])
      for (const serviceLines of [false, true]) expect(parse(bad, { serviceLines }).success).toBe(false);
  });

  it('reads a Chinese mobile number in every form it may have been stored in', () => {
    const forms = ['13812345678', '+8613812345678', '8613812345678', '008613812345678'];
    for (const written of forms) expect(phoneForms(written).sort()).toEqual([...forms].sort());
    expect(phoneForms('075512345')).toEqual(['075512345']);
    expect(phoneForms('+442071234567')).toEqual(['+442071234567', '442071234567']);
  });
});
