// The conformance suite (conformance.ts) against whatever MONGO_URL points at: the integration
// suite's server, or a real MongoDB you run (these assertions must hold there too).
import { describeConformance } from './conformance.js';

describeConformance('MongoDB semantics relied on by the kernel', () => process.env.MONGO_URL);
