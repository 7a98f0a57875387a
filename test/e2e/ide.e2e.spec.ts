import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { tokenFor } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';

/** Debian's chromium; `scripts/ensure-chromium.sh` (run by `npm run test:int`) installs it when missing. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the GraphQL IDE at /graphql, in a real browser', () => {
  let browser: Browser;
  let property: { id: string; code: string };
  beforeAll(async () => {
    property = await createProperty();
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads from the gateway alone, shows the schema documentation and runs an authenticated query', async () => {
    const gateway = new URL(process.env.GATEWAY_URL!);
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => {
      requested.push(request.url());
    });
    await page.goto(gateway.toString());
    await page.getByLabel('Bearer token').fill(await tokenFor('GENERAL_MANAGER'));
    await page.getByRole('button', { name: 'Use token' }).click();

    // The documentation comes from introspection with the token just set.
    await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
    await page.getByText('Root Types').waitFor();
    await page.locator('.graphiql-doc-explorer-content').getByText('Query', { exact: true }).first().click();
    await page.locator('.graphiql-doc-explorer-content').getByText('propertyByCode').first().waitFor();

    // GraphiQL's editor is CodeMirror 5: set the text through it, as typing would auto-close braces.
    await page
      .locator('.graphiql-query-editor .CodeMirror')
      .evaluate(
        (editor, query) =>
          (editor as unknown as { CodeMirror: { setValue(text: string): void } }).CodeMirror.setValue(query),
        `{ propertyByCode(code: "${property.code}") { id name } }`,
      );
    await page.getByRole('button', { name: /Execute query/ }).click();
    const result = page.getByLabel('Result Window');
    await result.getByText(property.id).waitFor();
    expect(await result.innerText()).toContain('Test Court');

    // Everything the page asked for came from the gateway's own origin: no CDN, works offline.
    expect(requested.length).toBeGreaterThan(4);
    expect(requested.filter((url) => new URL(url).origin !== gateway.origin)).toEqual([]);
    await page.close();
  });
});
