import { tsImport } from 'tsx/esm/api';

export default async function globalTeardown() {
  const { tearDownPlatform } = await tsImport('./platform-setup.ts', import.meta.url);
  await tearDownPlatform();
}
