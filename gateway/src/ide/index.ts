export { ideAssets, IDE_ASSETS_PATH } from './assets.js';
export { graphiqlLandingPage } from './landing-page.js';
