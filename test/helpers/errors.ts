import { ProvexError } from "../../src/diagnostics/index.js";

/** The ProvexError that `run` throws; fails the test when it throws nothing or something else. */
export function failure(run: () => unknown): ProvexError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProvexError) return error;
    throw error;
  }
  throw new Error("expected a ProvexError");
}
