export * from './coupon-sites';
export * from './leaks';
export * from './pattern';
