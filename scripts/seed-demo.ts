// `npm run seed:demo`: loads the demo data through a running gateway (idempotent).
import { DEV_JWT_SECRET } from '../gateway/src/config.js';
import { demoLogins, printLogins } from './lib/demo-logins.js';
import { seedDemo } from './lib/seed-demo.js';

const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const secret = process.env.JWT_SECRET ?? DEV_JWT_SECRET;
const result = await seedDemo(gatewayUrl, secret);
console.log(`demo data ready at ${gatewayUrl}: ${JSON.stringify(result)}\n`);
console.log(printLogins(await demoLogins(result, secret), gatewayUrl));
