// Jest loads global setup outside its module system; tsx loads the TypeScript (ESM) setup.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { setUpPlatform } = await tsImport('./platform-setup.ts', import.meta.url);
  await setUpPlatform();
}
