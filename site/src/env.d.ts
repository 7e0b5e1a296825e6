// .astro files as TypeScript sees them from .ts modules (compiled by Vite at build time).
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
