declare module "virtual:provex-function-names" {
  /** Every builtin's canonical name, from src/functions/registry.ts at build time. */
  const names: readonly string[];
  export default names;
}
