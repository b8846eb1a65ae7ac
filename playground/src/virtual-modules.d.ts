declare module "virtual:provex-function-metadata" {
  /** Every builtin's declaration from src/functions/registry.ts, without `implementation`. */
  const declarations: readonly unknown[];
  export default declarations;
}
