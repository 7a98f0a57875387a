export { costLimitPlugin } from './plugin.js';
export { shapeRules } from './rules.js';
export { operationCost, paginationEstimator, type CostLimit } from './cost.js';
