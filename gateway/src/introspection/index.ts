export { isIntrospectionOnly, INTROSPECTION_ROOT_FIELDS } from './operation.js';
export { introspectionNestingRule, DEFAULT_MAX_INTROSPECTION_NESTING } from './nesting-rule.js';
export { introspectionEstimator, INTROSPECTION_FIELD_COST } from './estimator.js';
export { introspectionPlugin } from './plugin.js';
