// Prints a development access token: npm run token -- --role FRONT_DESK --properties <id>[,<id>]
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '@courtyard/kernel';
import { DEV_JWT_SECRET } from '../gateway/src/config.js';
import { issueAccessToken } from '../gateway/src/token.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'GENERAL_MANAGER' },
    sub: { type: 'string', default: 'dev-user' },
    properties: { type: 'string', default: '*' },
    resident: { type: 'string' },
    partner: { type: 'string' },
    name: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});

if (!isRole(values.role)) {
  console.error(`--role must be one of ${ROLES.join(', ')}`);
  process.exit(2);
}
const token = await issueAccessToken(
  {
    sub: values.sub,
    role: values.role,
    properties: values.properties.split(',').filter(Boolean),
    ...(values.resident ? { residentId: values.resident } : {}),
    ...(values.partner ? { partnerId: values.partner } : {}),
    ...(values.name ? { name: values.name } : {}),
  },
  { secret: process.env.JWT_SECRET ?? DEV_JWT_SECRET, expiresIn: values.expires },
);
console.log(token);
