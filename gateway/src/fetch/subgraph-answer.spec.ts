import { describe, expect, it } from '@jest/globals';
import { SubgraphAnswer, SubgraphHeaders } from './subgraph-answer.js';

describe('a subgraph answer read whole', () => {
  it('reads headers by any case, joins repeated ones and iterates them', () => {
    const headers = new SubgraphHeaders({
      'content-type': 'application/json; charset=utf-8',
      'set-cookie': ['a=1', 'b=2'],
      'cache-control': undefined,
    });
    expect(headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(headers.has('CACHE-CONTROL')).toBe(false);
    expect(headers.get('cache-control')).toBeNull();
    expect(headers.get('set-cookie')).toBe('a=1, b=2');
    expect([...headers]).toEqual([
      ['content-type', 'application/json; charset=utf-8'],
      ['set-cookie', 'a=1, b=2'],
    ]);
  });

  it('answers ok for 2xx only and parses its JSON body once', async () => {
    const answer = new SubgraphAnswer(200, new SubgraphHeaders(), '{"data":{"a":1}}', 'http://x/graphql');
    expect(answer.ok).toBe(true);
    expect(new SubgraphAnswer(401, new SubgraphHeaders(), '').ok).toBe(false);
    expect(answer.bodyUsed).toBe(false);
    await expect(answer.json()).resolves.toEqual({ data: { a: 1 } });
    expect(answer.bodyUsed).toBe(true);
    await expect(answer.text()).rejects.toThrow(TypeError);
  });

  it('clones with its own body and headers', async () => {
    const answer = new SubgraphAnswer(400, new SubgraphHeaders({ 'x-a': '1' }), 'not json');
    const copy = answer.clone();
    copy.headers.set('x-a', '2');
    await expect(answer.text()).resolves.toBe('not json');
    await expect(copy.text()).resolves.toBe('not json');
    expect(answer.headers.get('x-a')).toBe('1');
    expect(copy.status).toBe(400);
    await expect(new SubgraphAnswer(200, new SubgraphHeaders(), 'oops').json()).rejects.toThrow(SyntaxError);
  });
});
